import { importDump, type ImportOptions, type ImportResult } from "./import-dump.ts";
import { layoutPdf } from "./pdf-layout.ts";
import { readPdf } from "./read-pdf.ts";

/**
 * Imports a born-digital gazette issue PDF: reads its text layer with pdf.js ({@link readPdf}),
 * lays it out by geometry ({@link layoutPdf}: running heads and page numbers dropped, titles by
 * size, paragraphs by indentation and right edge, paragraphs rejoined across pages, tables
 * kept), then splits and infers as for a text dump ({@link importDump}). Each document records
 * the page of the PDF where it starts (`pdfPage`), the 目录's page is checked against the number
 * printed on that page, and the PDF itself is kept as `original.pdf`.
 * @throws ImportError (Chinese) for a PDF without text layer (a scan) or one that cannot be read or split.
 */
export async function importPdf(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult & { joins: string[]; folded: number }> {
  const pdf = await readPdf(bytes.slice());
  const dump = layoutPdf(pdf.pages);
  const result = importDump(dump.text, { ...options, printedPages: dump.printed });
  result.binaryFiles = { "original.pdf": bytes };
  for (const f of dump.furniture) result.dropped.push({ line: 0, text: `原件第${f.page}页：${f.text}`, why: "page header" });
  const note = [
    "",
    "## PDF 版面",
    "",
    `- 原件 \`original.pdf\`（${pdf.pages.length} 页）已随本期保存；每件文件的 \`pdfPage\` 为其标题所在的原件页。`,
    `- 按版面位置和重复识别并删除页眉、页码 ${dump.furniture.length} 处（逐条列于下表）；偏旁部首码位折回为规范汉字 ${pdf.folded} 个（如 ⺠→民、⻔→门）。`,
    `- 跨页或跨栏断开、按版面（上页末行排满、下页首行不缩进）接续的段落 ${dump.joins.length} 处：`,
    ...dump.joins.map((j, i) => `  ${i + 1}. \`${j}\``),
    ...(dump.furniture.length > 0 ? ["", "删除的页眉、页码：", "", "| 原件页 | 内容 |", "| --- | --- |", ...dump.furniture.map((f) => `| ${f.page} | \`${f.text.replace(/\s+/g, " ").trim().replace(/\|/g, "\\|")}\` |`)] : []),
  ];
  result.files["_editors-note.md"] += note.join("\n") + "\n";
  return { ...result, joins: dump.joins, folded: pdf.folded };
}

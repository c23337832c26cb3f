import mammoth from "mammoth";
import type { IssueMetadata } from "../content/schema.ts";
import { gluedNames, namesApart } from "./organ-names.ts";
import { canonicalDocNumber } from "../content/doc-number.ts";
import { documentSlug } from "./document-slug.ts";
import { frontMatter, type ImportedDocument } from "./import-dump.ts";
import { ImportError } from "./import-error.ts";
import { formatBody } from "./format-body.ts";
import { cleanValue, inferFields } from "./infer-fields.ts";
import { formatReviewSheet } from "./review-sheet.ts";
import type { DumpSegment } from "./split-dump.ts";
import { toSimplified } from "./traditional.ts";

/** Options of {@link importDocx}. */
export interface DocxOptions {
  /** The gazette issue the document goes into (its issue.yml). */
  issue: IssueMetadata;
  /** 栏目 given by the editor (`--section`); else the issue's only section, else unsure. */
  section?: string;
  knownIssuers?: readonly string[];
  /** File name of the Word file, for the evidence. */
  fileName?: string;
}

const decode = (html: string) =>
  html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/**
 * The paragraphs of a Word file read with mammoth, in order: one line each; a table as
 * tab-separated rows (its cells' text, paragraphs of a cell joined by a space).
 */
export async function docxLines(buffer: Buffer): Promise<string[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (err) {
    throw new ImportError(`无法读取该 Word 文件（${(err as Error).message}）。只能导入 .docx 格式；.doc 文件请先用 Word 或 WPS 另存为 .docx。`);
  }
  const out: string[] = [];
  for (const m of html.matchAll(/<table>([^]*?)<\/table>|<(p|h\d)[^>]*>([^]*?)<\/\2>/g)) {
    if (m[1] !== undefined) {
      out.push("");
      for (const row of m[1].matchAll(/<tr>([^]*?)<\/tr>/g)) {
        out.push([...row[1]!.matchAll(/<t[dh][^>]*>([^]*?)<\/t[dh]>/g)].map((c) => decode(c[1]!.replace(/<\/p><p>/g, " ")).trim()).join("\t"));
      }
      out.push("");
    } else out.push(decode(m[3]!).trim(), "");
  }
  return out;
}

/**
 * Imports one document sent as a Word file (.docx, read with mammoth) into a document file of
 * a gazette issue, with the same inference, evidence and `# 待核` rules as a whole issue: the
 * red header (`…文件`) and the document-number line are read and moved into the front matter;
 * the title is the paragraphs before the addressee or the first paragraph of text; the
 * issuer, date and publication come from the signature and note. The page is left out (the
 * document is not printed yet).
 * @returns the document, its file name and its review sheet.
 * @throws ImportError (Chinese) when the file cannot be read or has no title.
 */
export async function importDocx(buffer: Buffer, options: DocxOptions): Promise<{ document: ImportedDocument; review: string }> {
  const lines = await docxLines(buffer);
  const idx = lines.map((l, i) => (l.trim() === "" ? -1 : i)).filter((i) => i >= 0);
  let k = 0;
  const header = idx[k] !== undefined && /文件$/.test(toSimplified(cleanValue(lines[idx[k]!]!))) && cleanValue(lines[idx[k]!]!).length <= 30 ? idx[k++] : undefined;
  let numberLine = idx[k] !== undefined && canonicalDocNumber(lines[idx[k]!]!.trim()) ? idx[k++] : undefined;
  const titleIdx: number[] = [];
  while (k < idx.length && titleIdx.length < 4) {
    const text = cleanValue(lines[idx[k]!]!);
    if (canonicalDocNumber(text) || /[：:。；]$/.test(text) || text.length > 60 || (titleIdx.length > 0 && /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+条)/.test(text))) break;
    titleIdx.push(idx[k++]!);
    if (/(?:通知|意见|决定|办法|规定|通告|公告|批复|报告|函|方案|细则|条例|名单)$/.test(toSimplified(text))) break;
  }
  if (titleIdx.length === 0) throw new ImportError("Word 文件开头没有找到标题（版头、文号之后应是标题）；请核对文件。");
  if (numberLine === undefined && idx[k] !== undefined && canonicalDocNumber(lines[idx[k]!]!.trim())) numberLine = idx[k++];
  const title = titleIdx.map((i) => cleanValue(lines[i]!)).join("").replace(/\s+/g, "");
  const bodyStart = (titleIdx.at(-1) ?? 0) + 1;
  const rest = lines.slice(bodyStart);
  const restNumbers = rest.map((_, i) => bodyStart + i + 1);
  // The document-number line goes first, where inferFields reads it.
  const segLines = numberLine !== undefined && numberLine < bodyStart ? [lines[numberLine]!, ...rest] : rest;
  const segNumbers = numberLine !== undefined && numberLine < bodyStart ? [numberLine + 1, ...restNumbers] : restNumbers;
  const sections = options.issue.sections;
  const section = options.section ?? (sections.length === 1 ? sections[0]! : "");
  const segment: DumpSegment = {
    entry: { section, title, page: 0, line: (titleIdx[0] ?? 0) + 1 },
    startLine: (header ?? titleIdx[0]!) + 1,
    titleLines: [...(header !== undefined ? [lines[header]!] : []), ...titleIdx.map((i) => lines[i]!)],
    lines: segLines,
    lineNumbers: segNumbers,
    pdfPage: 0,
  };
  const name = options.fileName ?? "Word 文件";
  const paragraph = (line: number) => lines.slice(0, line).filter((l) => l.trim() !== "").length;
  const fields = inferFields(segment, { knownIssuers: options.knownIssuers ?? [], issuePrintsNotes: true, place: (line) => `${name}第${paragraph(line)}段` });
  fields.evidence.title = `标题段（${name}第${paragraph(segment.entry.line)}段）`;
  delete fields.evidence.page;
  if (!options.section) {
    if (sections.length === 1) fields.evidence.section = `本期唯一栏目“${section}”`;
    else {
      fields.section = "待定";
      fields.evidence.section = "无";
      fields.unsure.section = `请从本期栏目中选择：${sections.join("、")}（或用 --section 指定）`;
    }
  } else fields.evidence.section = `命令行 --section“${section}”`;
  if (header !== undefined && fields.evidence.issuer?.startsWith("署名") !== true) {
    // A joint document's header sets its issuers apart (`甲局 乙局文件`); names glued without a gap stay unsure.
    const apart = namesApart(lines[header]!.trim().replace(/文件$/, ""))?.map((n) => cleanValue(n).replace(/\s+/g, ""));
    const fromHeader = apart ? apart.join(" ") : cleanValue(lines[header]!).replace(/\s+/g, "").replace(/文件$/, "");
    if (!fields.issuer || fields.unsure.issuer) {
      fields.issuer = fromHeader;
      if (apart) fields.issuers = apart;
      else delete fields.issuers;
      delete fields.unsure.issuer;
      fields.evidence.issuer = `版头“${lines[header]!.trim()}”（${name}第${paragraph(header + 1)}段）`;
      const glued = apart ? null : gluedNames(fromHeader);
      if (glued) fields.unsure.issuer = `像是两个机关名称连写（“${glued[0]}”“${glued[1]}”），版头此处未分开印出；联合发文请按署名写成列表：issuer: ["${glued[0]}", "${glued[1]}"]`;
    }
  }
  const bodyLines = segLines.filter((_, i) => !fields.movedLines.includes(i));
  const { body, changes } = formatBody(bodyLines, fields.issuer);
  const slug = documentSlug(fields.docNumbers, fields.title, 0);
  const document: ImportedDocument = { slug, fields, changes, text: `---\n${frontMatter(fields)}---\n\n${body}` };
  return { document, review: formatReviewSheet([document], `${name} → ${options.issue.year}年第${options.issue.number}期`) };
}

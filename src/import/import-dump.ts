import { stringify } from "yaml";
import type { IssueMetadata } from "../content/schema.ts";
import { REVIEW_MARKER } from "../content/checks/review-markers.ts";
import { FIELD_LABEL } from "../content/checks/field-shapes.ts";
import { documentSlug } from "./document-slug.ts";
import { formatReviewSheet } from "./review-sheet.ts";
import type { ImportedDocument, ImportResult } from "./imported.ts";
import { formatBody, wrapWidth, type BodyChanges } from "./format-body.ts";
import { ImportError } from "./import-error.ts";
import { inferFields, type InferredFields } from "./infer-fields.ts";
import { canonicalDocNumber } from "../content/doc-number.ts";
import { inferCover } from "./cover.ts";
import { findTocStart } from "./toc.ts";
import { comparable, splitDump, type DumpSegment, type SplitDump } from "./split-dump.ts";
import { isTraditional, toSimplified } from "./traditional.ts";
import { unfoldColumns } from "./unfold-columns.ts";

/** Options of {@link importDump}. */
export interface ImportOptions {
  /** Year and number of the gazette issue; override what the dump's cover says. */
  year?: number;
  number?: number;
  /** Metadata of the latest issue in the archive, for what the dump does not say (unsure then). */
  latest?: IssueMetadata;
  /** Issuers already known in the archive, to infer the issuer of documents that do not print it. */
  knownIssuers?: readonly string[];
  /** File name of the dump, named in the editor's note. */
  dumpName?: string;
  /** For a dump laid out from a PDF: the page number printed on each PDF page (index 0 = page 1), null where none. */
  printedPages?: readonly (number | null)[];
}

export type { ImportedDocument, ImportResult } from "./imported.ts";

/**
 * Imports the text of a whole printed gazette issue (a Markdown dump in the form of the seed
 * issue: cover, table of contents 目录 with sections and pages, then the documents) into the
 * files of one gazette issue folder, without touching the disk. Splits it with
 * {@link splitDump}, infers each document's fields with {@link inferFields}, formats its body
 * with {@link formatBody} (OCR artifacts removed, no wording changed) and writes an editor's note
 * of every change. Every value the importer is unsure of is followed by `# 待核：reason`, which
 * `npm run check` reports as an error until an editor has checked it.
 * @throws ImportError when the dump cannot be split, or year and number are not known.
 */
export function importDump(dump: string, options: ImportOptions = {}): ImportResult {
  // Two-column pages of `pdftotext -layout` output, read column by column (line numbers then count in the rewritten text).
  const unfolded = unfoldColumns(dump.replace(/\r\n/g, "\n"));
  const text = unfolded.text;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  refuseInterleavedColumns(lines);
  const issueUnsure: ImportResult["issueUnsure"] = {};
  const coverGuess = inferCover(lines.slice(0, Math.max(0, findTocStart(lines))));
  const gazette = coverGuess.gazette ?? options.latest?.gazette;
  const split = splitDump(text, gazette ?? "");
  const traditional = isTraditional(text);

  const year = options.year ?? coverGuess.year;
  const number = options.number ?? coverGuess.number;
  if (year === undefined || number === undefined) {
    throw new ImportError("底本没有写明是哪一期（目录之前没有“2019年第2期”这样的行）；请在命令中给出：npm run import -- <底本> --year 2019 --number 2");
  }
  if (options.year !== undefined && coverGuess.year !== undefined && options.year !== coverGuess.year) issueUnsure.year = `封面为${coverGuess.year}年`;
  if (options.number !== undefined && coverGuess.number !== undefined && options.number !== coverGuess.number) issueUnsure.number = `封面为第${coverGuess.number}期`;
  // Only the latest issue of the same gazette may lend what the cover does not print.
  const sameGazette = options.latest && coverGuess.gazette && comparable(options.latest.gazette) === comparable(coverGuess.gazette) ? options.latest : undefined;
  const fallback = (key: "gazette" | "frequency" | "publisher", value: string | undefined): string => {
    if (value) return value;
    const latest = sameGazette?.[key];
    issueUnsure[key] = latest ? `封面未载，取自同一公报的上一期（${sameGazette!.year}年第${sameGazette!.number}期）` : "封面未载，请填写";
    return latest ?? "待填";
  };
  const issue: IssueMetadata = {
    gazette: fallback("gazette", gazette && coverGuess.gazette ? gazette : undefined),
    year,
    number,
    frequency: fallback("frequency", coverGuess.frequency),
    publisher: fallback("publisher", coverGuess.publisher),
    ...(coverGuess.published ? { published: coverGuess.published } : {}),
    ...(coverGuess.total !== undefined ? { total: coverGuess.total } : {}),
    sections: split.sections.length > 0 ? split.sections : ["待定"],
  };
  if (split.sections.length === 0) issueUnsure.sections = "目录中没有栏目";

  const known = new Set(options.knownIssuers ?? []);
  const pageOfLine = pagesOfLines(text);
  const place = options.printedPages ? (line: number) => `原件第${pageOfLine[line - 1] ?? "?"}页` : undefined;
  const issuePrintsNotes = split.segments.some((s) => s.lines.some((l) => /此件(?:公开发布|依申请公开|不予公开)/.test(toSimplified(l))));
  const inferred = split.segments.map((segment) => {
    const fields = inferFields(segment, { knownIssuers: [...known], issuePrintsNotes, ...(place ? { place } : {}) });
    if (fields.issuer && !fields.unsure.issuer) for (const name of fields.issuers ?? [fields.issuer]) known.add(name);
    return { segment, fields };
  });
  // A second pass lets documents without a printed issuer use issuers found later in the dump.
  const documents: ImportedDocument[] = [];
  const slugs = new Set<string>();
  for (const { segment } of inferred) {
    const fields = inferFields(segment, { knownIssuers: [...known], issuePrintsNotes, ...(place ? { place } : {}) });
    if (options.printedPages) pdfPageFields(fields, segment.pdfPage, options.printedPages[segment.pdfPage - 1] ?? null);
    checkUnlisted(segment, [...fields.movedLines, ...fields.numberLines]);
    const bodyLines = segment.lines.filter((_, i) => !fields.movedLines.includes(i));
    const { body, changes } = formatBody(bodyLines, fields.issuer);
    let slug = documentSlug(fields.docNumbers, fields.title, fields.page);
    for (let n = 2; slugs.has(slug); n++) slug = `${documentSlug(fields.docNumbers, fields.title, fields.page)}-${n}`;
    slugs.add(slug);
    documents.push({ slug, fields, changes, text: `---\n${frontMatter(fields)}---\n\n${body}` });
  }
  const folder = `${year}-${String(number).padStart(2, "0")}`;
  const result: ImportResult = { folder, issue, issueUnsure, documents, files: {}, traditional, dropped: split.dropped, front: split.front };
  result.files["issue.yml"] = issueYaml(issue, issueUnsure);
  for (const d of documents) result.files[`${d.slug}.md`] = d.text;
  result.files["_editors-note.md"] = editorsNote(result, options.dumpName ?? "dump", unfolded.pages, options.printedPages ? (line) => String(pageOfLine[line - 1] ?? "?") : undefined);
  result.files["_review.md"] = formatReviewSheet(documents, `${issue.gazette} ${year}年第${number}期`);
  return result;
}

/**
 * Plain `pdftotext` of a page in two columns gives the rows of both columns in turn, each line
 * standing alone between blank lines: hard-wrapped lines (a wrap width is found) of which a quarter or more
 * stand alone. Their reading order cannot be restored from the text.
 * @throws ImportError (Chinese) saying to import the PDF itself or convert with `pdftotext -layout`.
 */
function refuseInterleavedColumns(lines: readonly string[]): void {
  const body = lines.map((l) => l.replace(/\f/g, "").trim());
  const wide = body.map((l, i) => ({ l, i })).filter(({ l }) => [...l].length >= 12);
  if (wide.length < 40 || wrapWidth(wide.map(({ l }) => l)) === null) return;
  const alone = wide.filter(({ i }) => (body[i - 1] ?? "") === "" && (body[i + 1] ?? "") === "");
  if (alone.length >= wide.length * 0.25) {
    // The first of three lines standing alone in a row: where the columns' rows begin to alternate.
    const first = alone.find(({ i }, k) => alone[k + 2]?.i === i + 4) ?? alone[0]!;
    throw new ImportError(`底本第${first.i + 1}行起：底本像是双栏版面的 pdftotext 输出，左右两栏的行交错排列（如“${first.l.slice(0, 12)}”），无法还原阅读顺序。请直接导入 PDF 原件（npm run import -- 原件.pdf），或用 pdftotext -layout 重新转换后再导入。`);
  }
}

/**
 * A line holding only a document number inside a document (other than the one under its title)
 * is where a document that the table of contents does not list begins: importing it would glue
 * it to the previous document, so the import stops.
 * @throws ImportError naming the dump line.
 */
function checkUnlisted(segment: DumpSegment, moved: readonly number[]): void {
  segment.lines.forEach((line, i) => {
    if (moved.includes(i) || line.trim() === "") return;
    const number = canonicalDocNumber(toSimplified(line.trim()));
    if (number) {
      throw new ImportError(`底本第${segment.lineNumbers[i]}行：文号 ${number} 单独成行，位于“${segment.entry.title}”之内，可能是目录未列出的另一件文件。请在目录中补上该文件（标题 ..... (页码)），或核对底本。`);
    }
  });
}

/** The 1-based page (form feeds before it, plus one) of every line of a dump, index 0 = line 1. */
function pagesOfLines(text: string): number[] {
  let page = 1;
  return text.split(/\r?\n/).map((line) => {
    const here = page + (line.startsWith("\f") ? (line.match(/\f/g) ?? []).length : 0);
    page += (line.match(/\f/g) ?? []).length;
    return here;
  });
}

/**
 * For a PDF import: the page of the original PDF where the document starts, and the check of
 * the 目录's page against the number printed on that page (a difference is unsure).
 */
function pdfPageFields(fields: InferredFields, pdfPage: number, printed: number | null): void {
  fields.pdfPage = pdfPage;
  fields.evidence.pdfPage = `标题所在的原件第${pdfPage}页`;
  if (printed === null) return;
  fields.evidence.page = `${fields.evidence.page}；原件第${pdfPage}页印有页码${printed}`;
  if (printed !== fields.page) fields.unsure.page = `目录为第${fields.page}页，标题所在页印的页码是${printed}`;
}

function marker(reason: string | undefined): string {
  return reason ? `  ${REVIEW_MARKER}：${reason}` : "";
}

function yamlValue(value: unknown): string {
  return stringify(value, { defaultStringType: "QUOTE_DOUBLE", flowCollectionPadding: false, collectionStyle: "flow", lineWidth: 0 }).trim();
}

export function frontMatter(f: InferredFields): string {
  const lines: string[] = [];
  lines.push(`title: ${yamlValue(f.title)}${marker(f.unsure.title)}`);
  if (f.docNumbers.length === 1) lines.push(`docNumber: ${yamlValue(f.docNumbers[0])}${marker(f.unsure.docNumber)}`);
  else if (f.docNumbers.length > 1) lines.push(`docNumber: ${yamlValue(f.docNumbers)}${marker(f.unsure.docNumber)}`);
  lines.push(`issuer: ${yamlValue(f.issuers ?? (f.issuer || "待填"))}${marker(f.unsure.issuer)}`);
  lines.push(`date: ${f.date || '"待填"'}${marker(f.unsure.date)}`);
  lines.push(`publication: ${f.publication}${marker(f.unsure.publication)}`);
  lines.push(`section: ${yamlValue(f.section || "待定")}${marker(f.unsure.section)}`);
  if (f.page > 0) lines.push(`page: ${f.page}${marker(f.unsure.page)}`);
  if (f.pdfPage !== undefined) lines.push(`pdfPage: ${f.pdfPage}`);
  if (f.validUntil) lines.push(`validUntil: ${f.validUntil}${marker(f.unsure.validUntil)}`);
  return lines.join("\n") + "\n";
}

function issueYaml(issue: IssueMetadata, unsure: ImportResult["issueUnsure"]): string {
  return [
    `gazette: ${yamlValue(issue.gazette)}${marker(unsure.gazette)}`,
    `year: ${issue.year}${marker(unsure.year)}`,
    `number: ${issue.number}${marker(unsure.number)}`,
    ...(issue.published ? [`published: ${issue.published}`] : []),
    ...(issue.total !== undefined ? [`total: ${issue.total}`] : []),
    `frequency: ${yamlValue(issue.frequency)}${marker(unsure.frequency)}`,
    `publisher: ${yamlValue(issue.publisher)}${marker(unsure.publisher)}`,
    `sections:${marker(unsure.sections)}`,
    ...issue.sections.map((s) => `  - ${yamlValue(s)}`),
    "",
  ].join("\n");
}

/** The editor's note (`_editors-note.md`, Chinese); `pdfPageOf` gives the page of the original for a dump line of a PDF import (its lines are then listed by page). */
function editorsNote(r: ImportResult, dumpName: string, unfoldedPages: number, pdfPageOf?: (line: number) => string): string {
  const out: string[] = [];
  const where = pdfPageOf ? "原件页" : "源行";
  const at = (line: number) => (pdfPageOf ? pdfPageOf(line) : String(line));
  out.push(`# 校勘说明（${r.issue.gazette} ${r.issue.year}年第${r.issue.number}期，由 npm run import 自 \`${dumpName}\` 自动导入）`, "");
  out.push("## 总体处理", "");
  out.push(`- 底本：\`${dumpName}\`。由 \`npm run import\` 按目录拆分为 ${r.documents.length} 件文件；标题、栏目、页码取自目录。`);
  out.push("- 机械性修正：删除汉字之间、汉字与数字或字母之间文字识别留下的空格（分隔机关名称的空格、主送机关和署名行中的连续空格不删）；汉字旁的半角 `,` `:` `;` `(` `)` 改为全角。文字未作任何增删改。");
  out.push("- 红头（发文机关、标题）和文号行已移入前置信息；主送机关、署名与日期、附注、附件分别置入 `:::` 容器。");
  if (r.dropped.some((d) => d.why === "masthead")) out.push("- 文件标题上方印的版头（发文机关标志，如“××局文件”）不是正文，已从正文中删去（见下表），作为其下一件文件发文机关的依据，与署名核对。");
  out.push("- 各段开头的缩进空白（全角空格、半角空格）是版式，不是文字，已删去；网页和 PDF 按样式缩进。");
  if (unfoldedPages > 0) out.push(`- 底本有 ${unfoldedPages} 页按版面分两栏排列（\`pdftotext -layout\` 输出），已按先左栏、后右栏的顺序读取；本说明和导入提示中的“底本第N行”指重排后的行。`);
  if (r.traditional) out.push("- 底本为繁体字。正文和标题保持原字形，未作繁简转换；仅在推断元数据时参照简体。");
  out.push("- 标有 `# 待核` 的字段为推断所得，`npm run check` 会报错，核对原件后删去该注释即可。");
  if (r.front.length > 0) {
    out.push("", "## 封面和目录行（读入 `issue.yml` 和各文件前置信息，不作为正文）", "", `| ${where} | 内容 | 部位 |`, "| --- | --- | --- |");
    for (const d of r.front) out.push(row(at(d.line), d.text, FRONT[d.why]));
  }
  if (r.dropped.length > 0) {
    out.push("", "## 删除的非正文行", "", `| ${where} | 内容 | 原因 |`, "| --- | --- | --- |");
    for (const d of r.dropped) out.push(row(at(d.line), d.text, WHY[d.why] ?? d.why));
  }
  for (const d of r.documents) {
    const c = d.changes;
    out.push("", `## \`${d.slug}.md\`：${d.fields.title}`, "");
    out.push("| 修正类别 | 数量 |", "| --- | --- |");
    out.push(`| 删除识别留下的空格 | ${c.spaces} |`, `| 半角标点改全角 | ${c.punctuation} |`, `| 合并段内断行 | ${c.joinedLines} |`, `| 合并跨页断开的段落 | ${c.merges.length} |`, `| 未合并、请核对的断段 | ${c.keptBreaks.length} |`, `| 制表符分列改为表格 | ${c.tables} |`);
    if (c.merges.length > 0) {
      out.push("", "跨页断段合并（`｜` 为原断开处，请核对）：", "");
      c.merges.forEach((m, i) => out.push(`${i + 1}. \`${m}\``));
    }
    if (c.keptBreaks.length > 0) {
      out.push("", "未合并的断行（`｜` 处分为两段；上一段没有以句末标点结束，若原件是同一段，请在文件中把两段接成一段）：", "");
      c.keptBreaks.forEach((m, i) => out.push(`${i + 1}. \`${m}\``));
    }
    const unsure = Object.entries(d.fields.unsure);
    if (unsure.length > 0) {
      out.push("", "待核字段：", "");
      for (const [k, v] of unsure) out.push(`- ${FIELD_LABEL[k] ? `${FIELD_LABEL[k]}（\`${k}\`）` : `\`${k}\``}：${v}`);
    }
  }
  return out.join("\n") + "\n";
}

/** A row of the editor's note's tables of lines: the line as printed ({@link asPrinted}), saying when it was letter-spaced. */
function row(where: string, text: string, why: string): string {
  const printed = asPrinted(text);
  return `| ${where} | \`${printed.text.replace(/\|/g, "\\|")}\` | ${why}${printed.spaced ? "（原件字间加空印出，此处去掉字间空格）" : ""} |`;
}

/**
 * A line of the dump as printed: without the Markdown marks the import or a PDF-to-Markdown
 * conversion put on it (`#`/`##` of a heading, `**` of bold), and with the single spaces between
 * the characters of a letter-spaced run (four or more Chinese characters each followed by one
 * space, as pdf.js reads a letter-spaced line) taken out.
 * @returns the text, and whether a letter-spaced run was collapsed
 */
export function asPrinted(line: string): { text: string; spaced: boolean } {
  const bare = line.trim().replace(/^#{1,6}\s+/u, "").replace(/^\*\*(.+)\*\*$/u, "$1");
  let spaced = false;
  const text = bare.replace(/(?:\p{Script=Han} ){3,}\p{Script=Han}/gu, (run) => {
    spaced = true;
    return run.replace(/ /g, "");
  });
  return { text, spaced };
}

const WHY: Record<string, string> = { "section heading": "栏目标题", "page number": "页码", "page header": "页眉", "page break": "分页线", masthead: "版头（发文机关标志），用作下一件文件发文机关的依据" };
const FRONT: Record<ImportResult["front"][number]["why"], string> = { cover: "封面", toc: "目录", "page header": "页眉", "page number": "页码" };

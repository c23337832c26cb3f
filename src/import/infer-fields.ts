import { canonicalDocNumber } from "../content/doc-number.ts";
import type { Publication } from "../content/schema.ts";
import { CHINESE_DATE, isDateLine, parseChineseDate } from "../content/chinese-date.ts";
import { cleanOcrLine } from "./clean-ocr.ts";
import type { DumpSegment } from "./split-dump.ts";
import { comparable } from "./split-dump.ts";
import { toSimplified } from "./traditional.ts";
import { issuerShapeProblem, titleShapeProblem } from "../content/checks/metadata-shapes.ts";
import { gluedNames, namesApart, ORG_SUFFIX, withoutSpaces } from "./organ-names.ts";
import { signatureNames } from "./signature-names.ts";

/** The front-matter fields the importer infers. */
export type FieldName = "title" | "docNumber" | "issuer" | "date" | "publication" | "section" | "page" | "pdfPage" | "validUntil";

/** Front-matter fields inferred for one document, each with its evidence, and the reason for each field the importer is unsure of. */
export interface InferredFields {
  title: string;
  docNumbers: string[];
  /** The issuer; for a joint document, its issuers joined by a space (as a red header prints them). */
  issuer: string;
  /** A joint document's issuers (two or more), in printed order, as the print sets them apart (written as a YAML list). */
  issuers?: string[];
  /** `YYYY-MM-DD`, or "" when no date was found (always unsure then). */
  date: string;
  publication: Publication;
  section: string;
  page: number;
  /** Page of the original PDF where the document starts (PDF imports only). */
  pdfPage?: number;
  /** 有效期至 `YYYY-MM-DD` read from a phrase such as `有效期至2022年12月31日`. */
  validUntil?: string;
  /** Field name → where the value was read, in Chinese, with the printed line (for the review sheet). */
  evidence: Partial<Record<FieldName, string>>;
  /** Field name → why the value needs checking (written as `# 待核：…` after it). */
  unsure: Partial<Record<FieldName, string>>;
  /** Indexes (into `segment.lines`) of lines moved into the metadata: the document number line. */
  movedLines: number[];
  /** Indexes of lines holding only a document number printed beside a date line (a list of several decisions), not a new document. */
  numberLines: number[];
}

/** What {@link inferFields} knows beyond the document itself. */
export interface InferContext {
  /** Issuers known to the archive (`issuers:` of archive.yml and issuers of earlier issues). */
  knownIssuers: readonly string[];
  /** True when some document of the issue prints a publication note such as （此件公开发布）. */
  issuePrintsNotes: boolean;
  /** Where a 1-based dump line is, for an editor: `底本第12行`, or `原件第3页` for a PDF. */
  place?: (line: number) => string;
}

const DOC_NUMBER_IN_LINE = /([\p{Script=Han}A-Za-z]+\s*[〔[【（(［﹝〖]\s*[0-9０-９]{4}\s*[〕\]】）)］﹞〗]\s*[0-9０-９]+\s*号)/gu;
const PUBLICATION_NOTE: [RegExp, Publication][] = [
  [/此件公开发布/, "public"],
  [/此件依申请公开/, "on-request"],
  [/此件不予公开/, "withheld"],
];

/** Removes OCR spaces and half-width punctuation from a one-line metadata value. */
export function cleanValue(text: string): string {
  return cleanOcrLine(text.replace(/^#+\s*/, "").trim()).text.trim();
}

/**
 * The organ name that opens a title (标题 = 发文机关 + 关于 + 事由 + 文种, GB/T 9704-2012 §7.3.1):
 * the text before the first 关于 when it ends like an organ name and holds no verb of
 * forwarding (转发, 批转, 印发); else, for titles without 关于 (`…人民政府任免的工作人员名单`,
 * `…人民政府公告`), the longest head ending like an organ name.
 * @returns the organ name, or null.
 */
export function issuerFromTitle(title: string): string | null {
  const simple = toSimplified(title);
  const about = simple.indexOf("关于");
  const head = about > 0 ? simple.slice(0, about) : (/^(.+?(?:人民政府办公室|人民政府办公厅|人民代表大会常务委员会|人民政府|委员会|办公室|办公厅|局|厅))(?:任免|公告|通告|令|决定)/u.exec(simple)?.[1] ?? "");
  if (!head || !ORG_SUFFIX.test(head) || /转发|批转|印发|、|《/.test(head)) return null;
  return title.slice(0, head.length);
}

/**
 * The issuer printed as the first line of a title over several lines (`# 乳山市人民政府` above
 * `## 关于…`, or the red header `…文件`): stated when that line is an organ name and the rest of
 * the title follows it.
 */
function redHeader(segment: DumpSegment, title: string): { text: string; printed: string; names: string[] | null } | null {
  if (segment.titleLines.length < 2) return null;
  const printed = segment.titleLines[0]!.replace(/^#+\s*/, "").trim();
  const names = namesApart(printed.replace(/文件$/, ""))?.map((n) => cleanValue(n).replace(/\s+/g, "")) ?? null;
  const text = names ? names.join(" ") : cleanValue(printed).replace(/\s+/g, "").replace(/文件$/, "");
  const rest = comparable(title).slice(comparable(text).length);
  if (!comparable(title).startsWith(comparable(text)) || !/^关于|^關於/.test(rest)) return null;
  if (!ORG_SUFFIX.test(toSimplified(text)) || (names ?? [text]).some((n) => issuerShapeProblem(n) !== null)) return null;
  return { text, printed, names };
}

let placeOf = (line: number) => `底本第${line}行`;
/** The place of dump lines `first` to `last`: one place when they are the same (one line, or one page of a PDF). */
function placeSpan(first: number, last: number): string {
  const [a, b] = [placeOf(first), placeOf(last)];
  if (a === b) return a;
  return a === `底本第${first}行` ? `底本第${first}–${last}行` : `${a}至${b}`;
}
const at = (segment: DumpSegment, i: number) => placeOf(segment.lineNumbers[i] ?? 0);

/**
 * Infers the front matter of one document from its segment of the dump and its table-of-contents
 * entry. Each value records its evidence; a value not read from a place that states it (the
 * signature, the document-number line, the table of contents) gets a reason to check it (`# 待核`):
 * - title, section, page: the table of contents (stated);
 * - document number(s): the line right after the title, else the table of contents (stated; a
 *   difference between the two is unsure), else every `date + number` line of the text (任免 lists: unsure);
 * - issuer: the organ line of the signature (署名, the line above the 成文日期; stated, and unsure
 *   when a 版头 printed above the title names another), else the 版头 (stated), else the
 *   organ name that opens the title ({@link issuerFromTitle}; stated only when the archive knows
 *   it), else the longest known issuer the title starts with (unsure). Any issuer that fails
 *   `issuerShapeProblem` (关于, 印发, 《, 、, end punctuation) is unsure whatever its source;
 * - date: the signature date (stated), else a line holding only a date, else the latest date of
 *   the `date + number` lines (unsure);
 * - publication: the note （此件公开发布） / 依申请公开 / 不予公开 (stated); when no document of the issue
 *   prints a note, `public` (published in the gazette; stated by the issue); else `public`, unsure;
 * - validUntil: the phrase `有效期至2022年12月31日` (also 有效期截至 / 有效期到) of the text (stated).
 * Text in Traditional characters is matched through its Simplified form; values keep the printed characters.
 */
export function inferFields(segment: DumpSegment, context: InferContext): InferredFields {
  const { entry, lines } = segment;
  placeOf = context.place ?? ((line: number) => `底本第${line}行`);
  const unsure: InferredFields["unsure"] = {};
  const evidence: InferredFields["evidence"] = {};
  const movedLines: number[] = [];
  const title = withoutSpaces(cleanValue(entry.title));
  evidence.title = `目录（${placeOf(entry.line)}）`;
  const titleProblem = titleShapeProblem(title);
  if (titleProblem) unsure.title = titleProblem;

  // Document numbers.
  let docNumbers: string[] = [];
  const first = lines.findIndex((l) => l.trim() !== "");
  const firstCanonical = first >= 0 ? canonicalDocNumber(lines[first]!.trim().replace(/號/g, "号")) : null;
  const tocNumber = entry.docNumber ? canonicalDocNumber(entry.docNumber.replace(/號/g, "号")) : null;
  if (firstCanonical) {
    docNumbers = [firstCanonical];
    movedLines.push(first);
    evidence.docNumber = `文号行“${lines[first]!.trim()}”（${at(segment, first)}）`;
    if (tocNumber && tocNumber !== firstCanonical) unsure.docNumber = `正文为 ${firstCanonical}，目录为 ${tocNumber}`;
  } else if (tocNumber) {
    docNumbers = [tocNumber];
    evidence.docNumber = `目录“${entry.docNumber}”（${placeOf(entry.line)}）`;
  }
  const dated: { date: string; number: string; index: number }[] = [];
  const pairedNumberLines = new Set<number>();
  lines.forEach((line, index) => {
    const simple = toSimplified(line).trim();
    if (!/^[0-9０-９〇零○一二三四五六七八九十]{4}\s*年/.test(simple)) return;
    const date = parseChineseDate(simple);
    const afterDate = simple.replace(CHINESE_DATE, " ");
    const numbers = [...afterDate.matchAll(DOC_NUMBER_IN_LINE)].map((m) => canonicalDocNumber(m[1]!)).filter((n): n is string => n !== null);
    if (date && numbers.length > 0 && simple.length < 40) for (const n of numbers) dated.push({ date, number: n, index });
  });
  // A date line and a number line printed side by side come apart in plain `pdftotext` output.
  const pairedDates = new Set<number>();
  lines.forEach((line, index) => {
    const simple = toSimplified(line).trim();
    const date = isDateLine(simple) ? parseChineseDate(simple) : null;
    if (!date) return;
    let j = index + 1;
    while (j < lines.length && lines[j]!.trim() === "") j++;
    const number = j < lines.length ? canonicalDocNumber(toSimplified(lines[j]!).trim().replace(/號/g, "号")) : null;
    if (number && j !== first) {
      dated.push({ date, number, index });
      pairedDates.add(index);
      pairedNumberLines.add(j);
    }
  });
  if (docNumbers.length === 0 && dated.length > 0) {
    docNumbers = [...new Set(dated.map((d) => d.number))];
    evidence.docNumber = dated.map((d) => `日期与文号行“${lines[d.index]!.trim()}${pairedDates.has(d.index) ? ` ${d.number}` : ""}”（${at(segment, d.index)}）`).join("；");
  }

  // Date: a line holding only a date, preferably below an organ name (the signature).
  const simpleLines = lines.map((l) => toSimplified(l).trim());
  const dateLines = simpleLines.map((l, i) => (isDateLine(l) && !pairedDates.has(i) ? i : -1)).filter((i) => i >= 0);
  const previousText = (i: number) => {
    for (let j = i - 1; j >= 0; j--) if (simpleLines[j] !== "") return { index: j, text: cleanValue(lines[j]!).replace(/\s+/g, "") };
    return null;
  };
  const signed = dateLines.filter((i) => {
    const prev = previousText(i);
    return prev !== null && prev.text.length <= 40 && ORG_SUFFIX.test(toSimplified(prev.text)) && issuerShapeProblem(prev.text) === null;
  }).at(-1);
  let date = "";
  let signature: { index: number; text: string; names: string[] | null; printed: string } | null = null;
  if (signed !== undefined) {
    date = parseChineseDate(simpleLines[signed]!) ?? "";
    signature = signatureNames(lines, previousText(signed)!);
    evidence.date = `署名日期“${lines[signed]!.trim()}”（${at(segment, signed)}）`;
  } else if (dateLines.length > 0) {
    date = parseChineseDate(simpleLines[dateLines[0]!]!) ?? "";
    evidence.date = `单独成行的日期“${lines[dateLines[0]!]!.trim()}”（${at(segment, dateLines[0]!)}）`;
    unsure.date = "未找到署名下的成文日期，取正文中第一个单独成行的日期";
  } else if (dated.length > 0) {
    const latest = [...dated].sort((a, b) => a.date.localeCompare(b.date)).at(-1)!;
    date = latest.date;
    evidence.date = `“${lines[latest.index]!.trim()}”（${at(segment, latest.index)}）`;
    unsure.date = dated.length > 1 ? "正文含多个日期，取最晚的一个" : "取自正文中的日期与文号行";
  } else {
    evidence.date = "无";
    unsure.date = "正文中未找到成文日期，请按原件填写";
  }

  // Issuer.
  const known = context.knownIssuers;
  const fromTitle = issuerFromTitle(title);
  const header = redHeader(segment, title);
  // A 版头 printed above the title (GB/T 9704-2012 §7.2.3): states the issuer, checked against the signature.
  const masthead = segment.masthead;
  const mastheadPrinted = masthead ? `${masthead.printed.map((l) => `“${l}”`).join("")}（${placeSpan(masthead.line, masthead.lastLine)}）` : "";
  let issuer = "";
  if (header) {
    issuer = header.text;
    const titleLine = `标题首行“${header.printed}”（${placeOf(segment.startLine)}）`;
    // A masthead above a title that opens with the same names: the masthead is cited from its own lines, the title line agreeing.
    const sameMasthead = masthead && comparable(masthead.names.join("")) === comparable(header.text);
    const agree = [sameMasthead ? titleLine : "", signature && comparable(signature.text) === comparable(header.text) ? `署名${signature.printed}（${at(segment, signature.index)}）` : ""].filter(Boolean);
    evidence.issuer = (sameMasthead ? `版头${mastheadPrinted}` : `标题首行（版头）“${header.printed}”（${placeOf(segment.startLine)}）`) + (agree.length > 0 ? `；与${agree.join("、")}一致` : "");
    if (masthead && !sameMasthead) unsure.issuer = `版头${mastheadPrinted}与${titleLine}不一致，请按原件核定发文机关`;
    if (signature && comparable(signature.text) !== comparable(header.text)) unsure.issuer = `版头为“${header.text}”，署名为“${signature.text}”`;
  } else if (signature) {
    issuer = signature.names ? signature.names.join(" ") : signature.text;
    evidence.issuer = `署名${signature.printed}（${at(segment, signature.index)}）`;
    if (fromTitle && comparable(fromTitle) !== comparable(signature.text)) unsure.issuer = `署名为“${signature.text}”，标题开头为“${fromTitle}”`;
    if (masthead && comparable(masthead.names.join("")) === comparable(signature.text)) evidence.issuer += `；与版头${mastheadPrinted}一致`;
    else if (masthead) unsure.issuer = `版头${mastheadPrinted}与署名“${signature.text}”不一致，请按原件核定发文机关`;
  } else if (masthead) {
    issuer = masthead.names.join(" ");
    evidence.issuer = `版头${mastheadPrinted}`;
    if (fromTitle && comparable(fromTitle) !== comparable(masthead.names.join(""))) unsure.issuer = `版头${mastheadPrinted}与标题开头“${fromTitle}”不一致，请按原件核定发文机关`;
  } else if (fromTitle) {
    issuer = fromTitle;
    evidence.issuer = `标题开头“${fromTitle}”（目录，${placeOf(entry.line)}）`;
    if (!(namesApart(fromTitle) ?? [fromTitle]).every((name) => known.some((k) => comparable(k) === comparable(name)))) unsure.issuer = "原文无署名，由标题开头推断，且不在已知发文机关名单中";
  } else {
    const k = [...known].sort((a, b) => b.length - a.length).find((x) => comparable(title).startsWith(comparable(x)));
    issuer = k ?? "";
    evidence.issuer = k ? `已知发文机关“${k}”与标题开头相同` : "无";
    unsure.issuer = k ? "原文无署名，由标题推断" : "未能推断发文机关，请按原件填写";
  }
  // A joint document: the issuers as the print sets them apart (header, signature, then title).
  const sources: [string[] | null | undefined, string][] = [
    [header?.names, header ? `版头“${header.printed}”` : ""],
    [signature?.names, signature ? `署名${signature.printed}` : ""],
    [masthead && masthead.names.length > 1 ? masthead.names : null, `版头${mastheadPrinted}`],
    [fromTitle ? namesApart(fromTitle) : null, `标题“${fromTitle}”（目录，${placeOf(entry.line)}）`],
  ];
  const apart = sources.find(([n]) => n && comparable(n.join("")) === comparable(issuer));
  const issuers = apart?.[0] ?? undefined;
  if (issuers) issuer = issuers.join(" ");
  if (apart && !evidence.issuer!.includes(apart[1].replace(/^[^“]*/u, "").replace(/（.*$/u, ""))) evidence.issuer += `；各机关名称分开印出见${apart[1]}`;
  const shape = issuer ? (issuers ?? [issuer]).map(issuerShapeProblem).find((p) => p !== null) : null;
  if (shape) unsure.issuer = shape;
  const glued = !issuers && issuer ? gluedNames(issuer) : null;
  if (glued) unsure.issuer = `像是两个机关名称连写（“${glued[0]}”“${glued[1]}”），原件此处未分开印出；联合发文请按署名写成列表：issuer: ["${glued[0]}", "${glued[1]}"]`;

  // Publication status.
  const all = simpleLines.join("\n");
  const note = PUBLICATION_NOTE.find(([re]) => re.test(all));
  const publication: Publication = note ? note[1] : "public";
  if (note) {
    const i = simpleLines.findIndex((l) => note[0].test(l));
    evidence.publication = `附注“${lines[i]!.trim()}”（${at(segment, i)}）`;
  } else if (!context.issuePrintsNotes) {
    evidence.publication = "本期各件均未印附注，刊登于公报即主动公开";
  } else if (!signature) {
    evidence.publication = "无附注（非署名公文：名单、公告等）";
  } else {
    evidence.publication = "无附注";
    unsure.publication = "本期其他文件印有“此件公开发布”等附注，本件没有";
  }
  evidence.section = entry.section ? `目录栏目“${entry.section}”` : "无";
  if (!entry.section) unsure.section = "目录中没有栏目";
  evidence.page = `目录页码（${placeOf(entry.line)}）`;
  const validUntil = proposeValidUntil(all);
  if (validUntil) evidence.validUntil = `正文“${validUntil.phrase}”`;
  return { title, docNumbers, issuer, ...(issuers ? { issuers } : {}), date, publication, section: entry.section, page: entry.page, ...(validUntil ? { validUntil: validUntil.date } : {}), evidence, unsure, movedLines, numberLines: [...pairedNumberLines] };
}

const VALID_UNTIL = new RegExp(`有效期(?:截至|至|到)\\s*(${CHINESE_DATE.source})`, "u");

/**
 * Proposes 有效期至 from a document's text: the first `有效期至2022年12月31日` (有效期截至, 有效期到;
 * Arabic or Chinese numerals, OCR spaces allowed).
 * @returns the calendar date and the phrase as printed, or null when the text has none.
 * @example proposeValidUntil("本办法自发布之日起施行，有效期至2022年12月31日。") // { date: "2022-12-31", phrase: "有效期至2022年12月31日" }
 */
export function proposeValidUntil(text: string): { date: string; phrase: string } | null {
  const m = VALID_UNTIL.exec(text);
  if (!m) return null;
  const date = parseChineseDate(m[1]!);
  return date ? { date, phrase: m[0].replace(/\s+/gu, "") } : null;
}

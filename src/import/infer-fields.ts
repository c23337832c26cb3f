import { canonicalDocNumber } from "../content/doc-number.ts";
import type { Publication } from "../content/schema.ts";
import { CHINESE_DATE, isDateLine, parseChineseDate } from "./chinese-date.ts";
import { cleanOcrLine } from "./clean-ocr.ts";
import type { DumpSegment } from "./split-dump.ts";
import { comparable } from "./split-dump.ts";
import { toSimplified } from "./traditional.ts";

/** Front-matter fields inferred for one document, with the reason for each field the importer is unsure of. */
export interface InferredFields {
  title: string;
  docNumbers: string[];
  issuer: string;
  /** `YYYY-MM-DD`, or "" when no date was found (always unsure then). */
  date: string;
  publication: Publication;
  section: string;
  page: number;
  /** 有效期至 `YYYY-MM-DD` proposed from a phrase such as `有效期至2022年12月31日` (always unsure). */
  validUntil?: string;
  /** Field name → why the value needs checking (written as `# 待核：…` after it). */
  unsure: Partial<Record<"title" | "docNumber" | "issuer" | "date" | "publication" | "section" | "page" | "validUntil", string>>;
  /** Indexes (into `segment.lines`) of lines moved into the metadata: the document number line. */
  movedLines: number[];
}

const DOC_NUMBER_IN_LINE = /([\p{Script=Han}A-Za-z]+\s*[〔[【（(［﹝〖]\s*[0-9０-９]{4}\s*[〕\]】）)］﹞〗]\s*[0-9０-９]+\s*号)/gu;
const ORG_SUFFIX = /(?:人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|办公厅|管理局|局|厅|委|办|中心|政府)$/u;
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
 * Infers the front matter of one document from its segment of the dump and its table-of-contents
 * entry (rules of the seed issue, see issues/README.md “导入”):
 * - title: the table-of-contents title (issuer + title), OCR spaces removed;
 * - document number(s): the line right after the title, else the one printed in the table of
 *   contents, else every `date + number` line of the text (任免 lists: unsure);
 * - issuer: the first title line when the title is printed on two lines (red header), the part of
 *   a one-line title before its first space when it ends like an organ name, else the line above
 *   the signature date, else the longest `knownIssuers` prefix of the title (unsure);
 * - date: the signature date, a line holding only a date (`2019年4月10日`, `二〇一九年四月十日`),
 *   preferably right below the issuer; else the latest date of the `date + number` lines (unsure);
 * - publication: `public` where the text says 此件公开发布 (依申请公开 / 不予公开 likewise), else
 *   `public`, unsure; section and page from the table of contents;
 * - validUntil: proposed (always unsure, for the editor to confirm) from the first phrase
 *   `有效期至2022年12月31日` (also 有效期截至 / 有效期到) of the text.
 * Text in Traditional characters is matched through its Simplified form; values keep the printed characters.
 */
export function inferFields(segment: DumpSegment, knownIssuers: readonly string[]): InferredFields {
  const { entry, lines, titleLines } = segment;
  const unsure: InferredFields["unsure"] = {};
  const movedLines: number[] = [];
  const title = cleanValue(entry.title).replace(/\s+/g, "");

  // Document numbers.
  let docNumbers: string[] = [];
  const first = lines.findIndex((l) => l.trim() !== "");
  const firstCanonical = first >= 0 ? canonicalDocNumber(lines[first]!.trim().replace(/號/g, "号")) : null;
  const tocNumber = entry.docNumber ? canonicalDocNumber(entry.docNumber.replace(/號/g, "号")) : null;
  if (firstCanonical) {
    docNumbers = [firstCanonical];
    movedLines.push(first);
    if (tocNumber && tocNumber !== firstCanonical) unsure.docNumber = `正文为 ${firstCanonical}，目录为 ${tocNumber}`;
  } else if (tocNumber) {
    docNumbers = [tocNumber];
  }
  const dated: { date: string; number: string }[] = [];
  for (const line of lines) {
    const simple = toSimplified(line).trim();
    if (!/^[0-9０-９〇零○一二三四五六七八九十]{4}\s*年/.test(simple)) continue;
    const date = parseChineseDate(simple);
    const afterDate = simple.replace(CHINESE_DATE, " ");
    const numbers = [...afterDate.matchAll(DOC_NUMBER_IN_LINE)].map((m) => canonicalDocNumber(m[1]!)).filter((n): n is string => n !== null);
    if (date && numbers.length > 0 && simple.length < 40) for (const n of numbers) dated.push({ date, number: n });
  }
  if (docNumbers.length === 0 && dated.length > 0) docNumbers = [...new Set(dated.map((d) => d.number))];

  // Date: a line holding only a date, preferably below an organ name (the signature).
  const simpleLines = lines.map((l) => toSimplified(l).trim());
  const dateLines = simpleLines.map((l, i) => (isDateLine(l) ? i : -1)).filter((i) => i >= 0);
  const previousText = (i: number) => {
    for (let j = i - 1; j >= 0; j--) if (simpleLines[j] !== "") return { index: j, text: cleanValue(lines[j]!).replace(/\s+/g, "") };
    return null;
  };
  const signed = dateLines.find((i) => {
    const prev = previousText(i);
    return prev !== null && prev.text.length <= 40 && ORG_SUFFIX.test(toSimplified(prev.text));
  });
  let date = "";
  let signatureIssuer: string | null = null;
  if (signed !== undefined) {
    date = parseChineseDate(simpleLines[signed]!) ?? "";
    signatureIssuer = previousText(signed)!.text;
  } else if (dateLines.length > 0) {
    date = parseChineseDate(simpleLines[dateLines[0]!]!) ?? "";
    unsure.date = "未找到署名下的成文日期，取正文中第一个单独成行的日期";
  } else if (dated.length > 0) {
    date = dated.map((d) => d.date).sort().at(-1)!;
    unsure.date = dated.length > 1 ? "正文含多个日期，取最晚的一个" : "取自正文中的日期与文号行";
  } else {
    unsure.date = "正文中未找到成文日期，请按原件填写";
  }

  // Issuer.
  let issuer = "";
  const titleParts = titleLines.map((l) => cleanValue(l).replace(/\s+/g, ""));
  const oneLine = titleLines.length === 1 ? titleLines[0]!.replace(/^#+\s*/, "").trim() : "";
  const spaced = /^(\S+)\s/.exec(oneLine)?.[1];
  if (titleLines.length >= 2 && title.startsWith(titleParts[0]!.replace(/文件$/, ""))) {
    issuer = titleParts[0]!.replace(/文件$/, "");
  } else if (spaced && ORG_SUFFIX.test(toSimplified(spaced)) && title.startsWith(cleanValue(spaced))) {
    issuer = cleanValue(spaced);
  } else if (signatureIssuer && title.startsWith(signatureIssuer)) {
    issuer = signatureIssuer;
  } else {
    const known = [...knownIssuers].sort((a, b) => b.length - a.length).find((k) => comparable(title).startsWith(comparable(k)));
    if (known) {
      issuer = known;
      unsure.issuer = "由标题推断";
    } else if (signatureIssuer) {
      issuer = signatureIssuer;
      unsure.issuer = "取自署名，与标题开头不一致";
    } else {
      const m = /^(.+?(?:人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|局|厅))/u.exec(toSimplified(title));
      issuer = m ? title.slice(0, m[1]!.length) : "";
      unsure.issuer = m ? "由标题推断" : "未能推断发文机关，请按原件填写";
    }
  }

  // Publication status.
  const all = simpleLines.join("\n");
  const note = PUBLICATION_NOTE.find(([re]) => re.test(all));
  const publication: Publication = note ? note[1] : "public";
  if (!note) unsure.publication = "原文未注明“此件公开发布”";
  if (!entry.section) unsure.section = "目录中没有栏目";
  const validUntil = proposeValidUntil(all);
  if (validUntil) unsure.validUntil = `正文“${validUntil.phrase}”，请确认`;
  return { title, docNumbers, issuer, date, publication, section: entry.section, page: entry.page, ...(validUntil ? { validUntil: validUntil.date } : {}), unsure, movedLines };
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

import { pinyin } from "pinyin-pro";
import { parseDocNumber } from "../content/doc-number.ts";
import { toSimplified } from "./traditional.ts";

/** Words whose pinyin names a document without a single document number (任免 → renmian). */
const KEYWORDS: [string, string][] = [["任免", "renmian"], ["大事记", "dashiji"], ["公告", "gonggao"], ["通告", "tonggao"], ["名单", "mingdan"], ["决定", "jueding"]];

/**
 * The file name (without `.md`) of an imported document, which becomes the last part of its web
 * address: for one document number, the pinyin initials of its 机关代字, the year and the serial
 * (`乳政办发〔2019〕4号` → `rzbf-2019-4`); otherwise a pinyin keyword of the title
 * (`…任免的工作人员名单` → `renmian`), else the pinyin initials of the title's Chinese characters,
 * at most 16 (a regulation: `德州市养犬管理条例` → `dzsyqgltl`), else `page-<page>`. Always lowercase ASCII.
 */
export function documentSlug(docNumbers: readonly string[], title: string, page: number): string {
  const parts = docNumbers.length === 1 ? parseDocNumber(docNumbers[0]!) : null;
  if (parts) {
    const initials = pinyin(toSimplified(parts.prefix), { pattern: "first", toneType: "none", type: "array" }).join("").toLowerCase().replace(/[^a-z0-9]/g, "");
    if (initials) return `${initials}-${parts.year}-${parts.serial}`;
  }
  const simple = toSimplified(title);
  const keyword = KEYWORDS.find(([word]) => simple.includes(word));
  if (keyword) return keyword[1];
  // A regulation or other document without a number: the pinyin initials of its title (德州市养犬管理条例 → dzsyqgltl).
  const han = [...simple].filter((ch) => /\p{Script=Han}/u.test(ch)).join("");
  const initials = han ? pinyin(han, { pattern: "first", toneType: "none", type: "array" }).join("").toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, MAX_INITIALS) : "";
  return initials || `page-${page}`;
}

/** Longest slug made from a title's initials (a web address stays short; duplicates get `-2`, `-3`). */
const MAX_INITIALS = 16;

/**
 * Document types (文种) recognised from a title's ending. The 15 kinds of official documents of
 * 《党政机关公文处理工作条例》(2012) 第八条 (决议, 决定, 命令（令）, 公报, 公告, 通告, 意见, 通知,
 * 通报, 报告, 请示, 批复, 议案, 函, 纪要), plus the regulatory forms common in gazettes (条例,
 * 规定, 办法, 细则, 规则, 规划, 方案, 名单, 决议).
 * Longer endings come first so that `实施细则` is 细则 and `命令` is 命令 rather than 令.
 */
export const DOCUMENT_TYPES = [
  "实施意见",
  "实施细则",
  "实施方案",
  "命令",
  "决议",
  "决定",
  "公报",
  "公告",
  "通告",
  "意见",
  "通知",
  "通报",
  "报告",
  "请示",
  "批复",
  "议案",
  "纪要",
  "条例",
  "规定",
  "办法",
  "细则",
  "规则",
  "规划",
  "方案",
  "名单",
  "函",
  "令",
] as const;

/** Types shown under a shorter name: 实施意见 counts as 意见, 实施细则 as 细则 … */
const SHOWN_AS: Record<string, string> = { 实施意见: "意见", 实施细则: "细则", 实施方案: "方案" };

/** Label of titles whose ending is not in {@link DOCUMENT_TYPES}. */
export const OTHER_DOCUMENT_TYPE = "其他";

/**
 * The document type (文种) of a title, from its ending, ignoring a trailing bracketed qualifier
 * such as （试行）, （暂行） or （2019年修订）, closing quotation marks and punctuation.
 * @returns one of the {@link DOCUMENT_TYPES} (folded by SHOWN_AS), or `其他`.
 * @example documentType("乳山市人民政府关于印发2019年政府工作要点的通知") // "通知"
 * @example documentType("城市供水条例（试行）") // "条例"
 */
export function documentType(title: string): string {
  let t = title.trim().replace(/[。.!！\s]+$/u, "");
  for (;;) {
    const stripped = t.replace(/[（(][^（）()]*[）)]$/u, "").replace(/[”」』》"]+$/u, "").trim();
    if (stripped === t) break;
    t = stripped;
  }
  if (/任免.*名单$|任免$/u.test(t)) return "名单";
  const found = DOCUMENT_TYPES.find((type) => t.endsWith(type));
  if (!found) return OTHER_DOCUMENT_TYPE;
  return SHOWN_AS[found] ?? found;
}

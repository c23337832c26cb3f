import { toSimplified } from "./traditional.ts";

/** The ending of an organ name (机关名称): 人民政府, 办公室, 委员会, 局, 厅, 委, 办, 中心…, in Simplified characters. */
export const ORG_SUFFIX = /(?:人民政府办公室|人民政府办公厅|人民政府|委员会|常务委员会|办公室|办公厅|管理局|局|厅|委|办|中心|政府|代表大会)$/u;

/** A place name opening an organ name: `乳山市`, `山东省`, `中共乳山市`, `滨海新区` (two or more characters before 省/市/县/区…). */
const PLACE = /^(?:中共)?\p{Script=Han}{2,6}?(?:省|自治区|自治州|市|州|县|区|旗|盟)/u;

/** The ending of a name in a line of names set apart by wide spaces: an {@link ORG_SUFFIX} or a ministry's 部, 署, 院, 行. */
const NAME_END = /(?:人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|办公厅|局|厅|委|办|中心|政府|代表大会|部|署|院|行|会)$/u;

/** What may follow the last organ name of a line of names: the end, 关于 (a title), a colon (an addressee). */
const AFTER_NAMES = /^(?:关于|關於|联合|聯合|[：:，,]|$)/u;

/**
 * Whether `name` is a complete organ name: a place name ({@link PLACE}), then the organ, ending
 * like one ({@link ORG_SUFFIX}), e.g. `乳山市自然资源局`; not `办公室` or `自然资源局` alone.
 */
export function isCompleteOrganName(name: string): boolean {
  const s = toSimplified(name.trim());
  const place = PLACE.exec(s);
  return place !== null && s.length > place[0].length && ORG_SUFFIX.test(s) && s.length <= 30 && !/[\s\p{P}]/u.test(s);
}

/**
 * Whether the spaces (`run` of them) between `before` (the line so far, from its start) and
 * `after` (the rest of the line) separate organ names, as a joint document prints its issuers
 * (GB/T 9704-2012 §7.2.3: 联合行文时…发文机关名称; §7.3.5: 署名): every word of `before` is an organ
 * name and `after` opens with one (then ends, or goes on with 关于 or a colon). A single space
 * counts only between complete organ names ({@link isCompleteOrganName}); two or more between
 * names ending like an organ ({@link NAME_END}). Such spaces are layout of the print, never OCR.
 */
export function separatesNames(before: string, after: string, run: number): boolean {
  const words = before.trim().split(/\s+/u);
  const next = after.trimStart().split(/\s/u)[0] ?? "";
  const ok = run >= 2 ? (w: string) => w.length >= 3 && NAME_END.test(toSimplified(w)) && !/\p{P}/u.test(w) : isCompleteOrganName;
  if (before.trim() === "" || !words.every(ok)) return false;
  const simple = toSimplified(next);
  for (let end = simple.length; end >= 3; end--) if (ok(next.slice(0, end)) && AFTER_NAMES.test(simple.slice(end))) return true;
  return false;
}

/**
 * The organ names of a line that prints several apart (a joint document's red header or
 * signature: `乳山市自然资源局 乳山市住房和城乡建设局`, or with a run of spaces between), in
 * printed order; null when the line is not two or more names so separated.
 */
export function namesApart(line: string): string[] | null {
  const s = line.replace(/^#+\s*/u, "").replace(/\u3000/gu, "  ").trim();
  const words: string[] = [];
  let rest = s;
  for (;;) {
    const m = /\s+/u.exec(rest);
    if (!m) break;
    const before = rest.slice(0, m.index);
    const done = words.length > 0 ? `${words.join(" ")} ${before}` : before;
    if (!separatesNames(done, rest.slice(m.index + m[0].length), m[0].length)) return null;
    words.push(before);
    rest = rest.slice(m.index + m[0].length);
  }
  words.push(rest);
  return words.length >= 2 && NAME_END.test(toSimplified(rest)) && !/\p{P}/u.test(rest) ? words : null;
}

/**
 * A one-line value without its spaces, but for those that separate organ names
 * ({@link separatesNames}): each such run kept as its first character, as printed, so a
 * full-width space stays full-width (`乳山市自然资源局　乳山市住房和城乡建设局关于…`) and an ASCII
 * space stays ASCII; a run of several (layout of a text dump) becomes that one character.
 */
export function withoutSpaces(text: string): string {
  return text.replace(/\s+/gu, (run, at: number, all: string) => (separatesNames(all.slice(0, at), all.slice(at + run.length), run.length) ? run[0]! : ""));
}

/**
 * Two complete organ names written together without a separator (`乳山市自然资源局乳山市住房和城乡建设局`):
 * the print gives no evidence where one ends, so such an issuer is always unsure.
 * @returns the two names, or null when `name` is not so made.
 */
export function gluedNames(name: string): [string, string] | null {
  const s = name.replace(/\s+/gu, "");
  for (let k = 4; k <= s.length - 4; k++) {
    const a = s.slice(0, k);
    const b = s.slice(k);
    if (isCompleteOrganName(a) && isCompleteOrganName(b)) return [a, b];
  }
  return null;
}

/**
 * Characters XML 1.0 does not allow in a document (§2.2 Char: C0 controls other than tab, LF
 * and CR, unpaired surrogates, U+FFFE and U+FFFF), plus DEL and the C1 controls it discourages.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|\p{Cs}/gu;

/**
 * Removes the characters that would make an XML file malformed. The content checks already
 * refuse them in metadata (`checkControlCharacters`); this keeps every feed well-formed whatever
 * reaches it.
 * @example xmlText("标题\u0007") // "标题"
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "");
}

/** A copy of `value` with {@link xmlText} applied to every string in it (plain data: arrays and objects). */
export function xmlSafe<T>(value: T): T {
  if (typeof value === "string") return xmlText(value) as T;
  if (Array.isArray(value)) return value.map((v) => xmlSafe(v)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)])) as T;
  return value;
}

/**
 * Makes a heading id that keeps Chinese characters: letters and digits of every script are
 * kept, spaces become `-`, punctuation (、（）“” …) is dropped. Never empty: a heading with
 * no letters gets `section`. Uniqueness within a page is added by markdown-it-anchor
 * (`-1`, `-2` … in document order), so ids are stable as long as the text is.
 * @example headingId("一、工作目标") // "一工作目标"
 * @example headingId("第一章 总则") // "第一章-总则"
 */
export function headingId(text: string): string {
  const id = text
    .normalize("NFKC")
    .trim()
    .replace(/\s+/gu, "-")
    .replace(/[^\p{L}\p{N}\-]/gu, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  return id === "" ? "section" : id;
}

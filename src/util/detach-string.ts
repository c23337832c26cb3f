/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 represents a
 * substring of 13 characters or more as a slice that keeps its whole parent alive, so a heading
 * kept from a Markdown body (markdown-it slices its tokens from the source) would keep the entire
 * body in memory for as long as the heading is kept (for 20,000 documents, hundreds of MB; see
 * README, "Large archives"). The copy is built anew from the UTF-16 code units (lossless, also for
 * lone surrogates); its cost grows with `text`, so use it for short strings that outlive a large source.
 * @example detachString(body.slice(3, 40)) === body.slice(3, 40) // → true, without holding `body`
 */
export function detachString(text: string): string {
  return text.split("").join("");
}

/**
 * A flat copy of `text` that shares no memory with the strings it was built from. V8 keeps a
 * substring of 13 characters or more as a slice that holds its whole parent alive, and a string
 * built by `+=` as a tree of its pieces: markdown-it renders a body as such a tree whose leaves
 * are slices of the Markdown source, so keeping the rendered HTML (or a heading cut from it)
 * keeps the whole source and every piece in memory (for 20,000 documents, hundreds of MB; see
 * README, "Large archives"). The copy goes through a UTF-16 buffer: lossless for every code unit
 * (lone surrogates too), linear in the length.
 * @example detachString(body.slice(3, 40)) === body.slice(3, 40) // → true, without holding `body`
 */
export function detachString(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}

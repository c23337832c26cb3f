import { indexContent } from "./tokenise.ts";

/**
 * Largest body of one document given to the index, in characters (Markdown, about 3 MB of UTF-8;
 * the longest text of the real corpus has about 100,000). Longer bodies are refused with this
 * limit named rather than indexed slowly: see {@link checkBodySize}.
 */
export const MAX_TEXT_CHARS = 1_000_000;

/**
 * Refuses a document body longer than {@link MAX_TEXT_CHARS}.
 * @param source the document's file, `YYYY-NN/slug.md`, for the message.
 * @throws Error (message in Chinese: file — what — how to fix) when the body is too long.
 */
export function checkBodySize(source: string, body: string): void {
  if (body.length > MAX_TEXT_CHARS) {
    throw new Error(`${source} — 正文有 ${body.length} 个字符，超过检索索引每个文件 ${MAX_TEXT_CHARS} 个字符的上限 — 请核对正文是否误贴了重复内容，或把附件拆分为单独的文件`);
  }
}

/**
 * The Pagefind content of one document: its title and document numbers, then its text, as
 * tokens (`indexContent`), so a query finds words of the title, the numbers and the text.
 * `bodyAt` is the number of tokens before the text: the search page builds excerpts from the
 * text only, so a result never repeats its title or number.
 * @throws Error naming the limit when the text is longer than {@link MAX_TEXT_CHARS} (see {@link checkBodySize}).
 */
export function recordContent(title: string, docNumbers: readonly string[], text: string): { content: string; bodyAt: number } {
  checkBodySize(title, text);
  const head = indexContent(`${title}\n${docNumbers.join("\n")}\n`);
  const bodyAt = head === "" ? 0 : head.split(" ").length;
  const body = indexContent(text);
  return { content: body === "" ? head : head === "" ? body : `${head} ${body}`, bodyAt };
}

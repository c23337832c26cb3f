import { indexContent } from "./tokenise.ts";

/** Largest plain text of one document given to the index, in characters (see {@link recordContent}). */
export const MAX_TEXT_CHARS = 1_000_000;

/**
 * The Pagefind content of one document: its title and document numbers, then its text, as
 * tokens (`indexContent`), so a query finds words of the title, the numbers and the text.
 * `bodyAt` is the number of tokens before the text: the search page builds excerpts from the
 * text only, so a result never repeats its title or number.
 * @throws Error naming the limit when the text is longer than {@link MAX_TEXT_CHARS}.
 */
export function recordContent(title: string, docNumbers: readonly string[], text: string): { content: string; bodyAt: number } {
  if (text.length > MAX_TEXT_CHARS) throw new Error(`正文有 ${text.length} 个字符，超过检索索引每个文件 ${MAX_TEXT_CHARS} 个字符的上限`);
  const head = indexContent(`${title}\n${docNumbers.join("\n")}\n`);
  const bodyAt = head === "" ? 0 : head.split(" ").length;
  const body = indexContent(text);
  return { content: body === "" ? head : head === "" ? body : `${head} ${body}`, bodyAt };
}

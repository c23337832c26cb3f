import { isDateLine } from "../chinese-date.ts";
import type { Finding } from "../finding.ts";

/** What a signature line (署名, an organ's name) never has: sentence punctuation, a heading mark, a list number. */
const NOT_A_NAME = /[。；：，？！、“”《》]|^\s*(?:#|[-*+]\s|\d+[.．、])/u;

/**
 * Warns where a document's 署名 and 成文日期 are typed as ordinary paragraphs (as Word pastes them:
 * an organ's name, then the date alone on a line) instead of inside a `::: signature` block. As
 * paragraphs they are indented and set on the left like the text, where GB/T 9704-2012 §7.3.5
 * places them under the text on the right. One warning for the document, at the name's line.
 * Names and dates inside any `:::` block are left alone.
 * @param body the document's Markdown body; `bodyLine` is the 1-based line of the file where it starts.
 */
export function checkSignatureOutsideBlock(body: string, file: string, bodyLine: number): Finding[] {
  if (!/[年]/.test(body)) return [];
  const lines = body.split(/\r?\n/);
  let depth = 0;
  let previous: { index: number; text: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*:::\s*\S/.test(line)) depth += 1;
    else if (/^\s*:::\s*$/.test(line)) depth = Math.max(0, depth - 1);
    if (depth > 0 || /^\s*:::/.test(line)) {
      previous = null;
      continue;
    }
    if (line.trim() === "") continue;
    if (isDateLine(line) && previous && !NOT_A_NAME.test(previous.text) && [...previous.text.trim()].length <= 40) {
      const name = previous.text.trim();
      const date = line.trim();
      return [
        {
          file,
          line: bodyLine + previous.index,
          column: 1,
          severity: "warning",
          message: `署名“${name}”和成文日期“${date}”写成了普通段落：网页和 PDF 会把它们像正文一样缩进排在左边，而不是排在正文右下方（GB/T 9704-2012 §7.3.5）`,
          fix: `把这两行放进署名块：在“${name}”的上一行单独写 ::: signature，在“${date}”的下一行单独写 :::（写法见样例 issues/2019-02 的文件）`,
          en: { message: `the signature "${name}" and date "${date}" are ordinary paragraphs, so they are set like the text instead of under it on the right (GB/T 9704-2012 §7.3.5)`, fix: "put the two lines in a signature block: ::: signature on its own line before the name, ::: on its own line after the date" },
        },
      ];
    }
    previous = { index: i, text: line };
  }
  return [];
}

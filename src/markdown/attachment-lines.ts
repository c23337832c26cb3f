import type { MarkdownIt } from "markdown-it";

/** A 附件说明 paragraph: it opens with 附件 and a colon (GB/T 9704-2012 §7.3.4). */
const ATTACHMENT_NOTE = /^附件[：:]/u;
/** The start of a numbered attachment name: `2.` `2．` `2、`. */
const NUMBERED = /^\s*\d+\s*[.．、]/u;

/**
 * Keeps each numbered attachment name of a 附件说明 on its own line. GB/T 9704-2012 §7.3.4 sets
 * several attachments as `附件：1. ……` with each further name on the next line, aligned with the
 * first; editors write them on separate lines of one paragraph, which Markdown would run
 * together. In a paragraph that opens with `附件：`, a line break before a line that starts
 * with a number and `.` `．` or `、` becomes a hard break (`<br>`). No text is changed.
 */
export function attachmentLines(md: MarkdownIt): void {
  md.core.ruler.after("inline", "gazette_attachment_lines", (state) => {
    const tokens = state.tokens;
    for (let i = 1; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== "inline" || tokens[i - 1]!.type !== "paragraph_open" || !ATTACHMENT_NOTE.test(token.content)) continue;
      const children = token.children ?? [];
      children.forEach((child, k) => {
        const next = children[k + 1];
        if (child.type === "softbreak" && next?.type === "text" && NUMBERED.test(next.content)) child.type = "hardbreak";
      });
    }
  });
}

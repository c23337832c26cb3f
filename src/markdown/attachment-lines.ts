import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { stripLineIndent } from "./paragraph-indent.ts";

/** A 附件说明 paragraph: it opens (after any typed indentation) with 附件 and a colon (GB/T 9704-2012 §7.3.4); group 1 is the number of its first attachment. */
export const ATTACHMENT_NOTE = /^[\u3000\u00A0 \t]*附件[：:][\u3000\u00A0 \t]*(\d+)?/u;
/** The start of a numbered attachment name after typed indentation: `2.` `2．` `2、` `2)`; group 1 is the number. */
export const ATTACHMENT_NUMBER = /^[\u3000\u00A0 \t]*(\d+)[\u3000\u00A0 \t]*[.．、)]/u;
/** Class of a 附件说明 paragraph: the layouts hang its further lines under the first name (§7.3.4). */
export const ATTACHMENT_NOTE_CLASS = "doc-attachment-note";

/**
 * Sets a 附件说明 as GB/T 9704-2012 §7.3.4 does: several attachments as `附件：1. ……`, each further
 * name on the next line, aligned with the first. The paragraph gets the class
 * {@link ATTACHMENT_NOTE_CLASS} (the screen and print styles hang the further lines), and:
 * - a line break before a line that starts with a number and `.` `．` or `、` becomes a hard break
 *   (`<br>`), where Markdown would run the lines together;
 * - the names an editor set apart with a blank line are put back into it: paragraphs that go on
 *   with the next numbers (`　　　　　2. 名称`), and an ordered list that Markdown made of them
 *   (`2. 名称` → `<ol start="2">`), when each item is one paragraph and the numbers run on;
 * - the indentation typed at the start of each name's line (see `paragraphIndent`) is dropped.
 * No text is changed; a list marker is written back as its number and mark plus one space.
 */
export function attachmentLines(md: MarkdownIt): void {
  md.core.ruler.after("inline", "gazette_attachment_lines", (state) => {
    const tokens = state.tokens;
    for (let i = 1; i < tokens.length; i++) {
      const note = tokens[i]!;
      const open = tokens[i - 1]!;
      if (note.type !== "inline" || open.type !== "paragraph_open") continue;
      const first = ATTACHMENT_NOTE.exec(note.content);
      if (!first) continue;
      open.attrJoin("class", ATTACHMENT_NOTE_CLASS);
      if (first[1] !== undefined) absorbFollowingNames(state, i, lastNumber(note, Number(first[1])));
      stripLineIndent(note, 0);
      const children = note.children ?? [];
      children.forEach((child, k) => {
        const next = children[k + 1];
        if (child.type !== "softbreak" || next?.type !== "text" || !ATTACHMENT_NUMBER.test(next.content)) return;
        child.type = "hardbreak";
        child.tag = "br";
        stripLineIndent(note, k + 1);
      });
    }
  });
}

/** The number of the last numbered line of a 附件说明 (an inline token) whose first number is `first`. */
function lastNumber(note: Token, first: number): number {
  const children = note.children ?? [];
  let last = first;
  children.forEach((child, k) => {
    const next = children[k + 1];
    const numbered = child.type === "softbreak" && next?.type === "text" ? ATTACHMENT_NUMBER.exec(next.content) : null;
    if (numbered) last = Number(numbered[1]);
  });
  return last;
}

/**
 * Moves the attachment names that follow the 附件说明 at `tokens[at]` (an inline token) as
 * paragraphs or as an ordered list into it, as long as their numbers go on from `last`.
 */
function absorbFollowingNames(state: StateCore, at: number, last: number): void {
  const tokens = state.tokens;
  const note = tokens[at]!;
  const level = tokens[at - 1]!.level;
  const append = (lineStart: Token[]) => {
    const br = new state.Token("hardbreak", "br", 0);
    note.children = [...(note.children ?? []), br, ...lineStart];
  };
  for (;;) {
    const next = tokens[at + 2];
    if (next?.type === "paragraph_open" && next.level === level) {
      const inline = tokens[at + 3]!;
      const numbered = ATTACHMENT_NUMBER.exec(inline.content);
      if (!numbered || Number(numbered[1]) !== last + 1) return;
      stripLineIndent(inline, 0);
      append(inline.children ?? []);
      tokens.splice(at + 2, 3);
      last = lastNumber(inline, last + 1);
      continue;
    }
    if (next?.type === "ordered_list_open" && next.level === level) {
      const items = simpleItems(tokens, at + 2);
      if (!items || items.some((item, n) => Number(item.marker.info) !== last + 1 + n)) return;
      for (const item of items) {
        const marker = new state.Token("text", "", 0);
        marker.content = `${item.marker.info}${item.marker.markup} `;
        stripLineIndent(item.inline, 0);
        append([marker, ...(item.inline.children ?? [])]);
      }
      tokens.splice(at + 2, items.length * 5 + 2);
      last += items.length;
      continue;
    }
    return;
  }
}

/** The items of the ordered list opening at `tokens[start]` when each is exactly one paragraph, else null. */
function simpleItems(tokens: Token[], start: number): { marker: Token; inline: Token }[] | null {
  const items: { marker: Token; inline: Token }[] = [];
  let k = start + 1;
  while (tokens[k]?.type === "list_item_open") {
    const shape = tokens.slice(k, k + 5).map((t) => t.type).join(" ");
    if (shape !== "list_item_open paragraph_open inline paragraph_close list_item_close") return null;
    items.push({ marker: tokens[k]!, inline: tokens[k + 2]! });
    k += 5;
  }
  return tokens[k]?.type === "ordered_list_close" && items.length > 0 ? items : null;
}

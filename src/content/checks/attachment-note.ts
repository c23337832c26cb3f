import { ATTACHMENT_NOTE as NOTE, ATTACHMENT_NUMBER as NUMBERED } from "../../markdown/attachment-lines.ts";
import type { Finding } from "../finding.ts";

/**
 * Warns where attachment names set apart from their 附件说明 by a blank line cannot be put back
 * into it when rendering (see `attachmentLines` in `src/markdown/`): the note has no number
 * (`附件：名单`, then `2. 表`), or the numbers do not run on (`1.` then `3.`). The names would
 * then show as a separate numbered list, not aligned under the first name (GB/T 9704-2012 §7.3.4).
 * One warning for each such block, at its first line.
 * @param body the document's Markdown body; `bodyLine` is the 1-based line of the file where it starts.
 */
export function checkAttachmentNotes(body: string, file: string, bodyLine: number): Finding[] {
  const findings: Finding[] = [];
  if (!body.includes("附件")) return findings;
  const blocks = paragraphs(body.split(/\r?\n/));
  for (let b = 0; b < blocks.length; b++) {
    const note = NOTE.exec(blocks[b]!.lines[0]!);
    if (!note) continue;
    let last = note[1] === undefined ? null : lastNumber(blocks[b]!.lines, Number(note[1]));
    for (let n = b + 1; n < blocks.length; n++) {
      const numbered = NUMBERED.exec(blocks[n]!.lines[0]!);
      if (!numbered) break;
      if (last !== null && Number(numbered[1]) === last + 1) {
        last = lastNumber(blocks[n]!.lines, last + 1);
        continue;
      }
      const name = blocks[n]!.lines[0]!.trim();
      findings.push({
        file,
        line: bodyLine + blocks[n]!.start,
        column: 1,
        severity: "warning",
        message: last === null ? `附件说明“${blocks[b]!.lines[0]!.trim()}”没有序号，空一行后的“${name}”会另成一个编号列表，不与附件名称对齐` : `附件说明的序号没有接上：“${name}”之前是 ${last}.，它会另成一个编号列表，不与附件名称对齐`,
        fix: last === null ? "有几个附件时写成“附件：1. 名称”，下一行写“2. 名称”，中间不空行" : "对照原件核对附件序号；各附件名称紧接“附件：”一行写，每个一行，中间不空行",
        en: { message: last === null ? `the attachment note "${blocks[b]!.lines[0]!.trim()}" has no number, so "${name}" after the blank line becomes a separate numbered list` : `the attachment numbers do not run on: "${name}" follows ${last}., so it becomes a separate numbered list`, fix: "write 附件：1. name, then 2. name on the next line, without blank lines between, and check the numbers against the original" },
      });
      break;
    }
  }
  return findings;
}

/** The number of the last numbered line of `lines`, the first being numbered `first`. */
function lastNumber(lines: readonly string[], first: number): number {
  let last = first;
  for (const line of lines.slice(1)) {
    const numbered = NUMBERED.exec(line);
    if (numbered) last = Number(numbered[1]);
  }
  return last;
}

/** Runs of non-blank lines, with the 0-based index of their first line. */
function paragraphs(lines: readonly string[]): { start: number; lines: string[] }[] {
  const out: { start: number; lines: string[] }[] = [];
  let current: { start: number; lines: string[] } | null = null;
  lines.forEach((line, i) => {
    if (/^[ \t]*$/u.test(line)) current = null;
    else if (current) current.lines.push(line);
    else out.push((current = { start: i, lines: [line] }));
  });
  return out;
}

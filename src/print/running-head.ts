/** What a running head needs of a gazette issue. */
export interface RunningHeadIssue {
  gazette: string;
  year: number;
  number: number;
}

/**
 * The running head of a gazette issue's inner pages (gazette convention; GB/T 9704-2012 sets
 * none for single documents): `乳山市人民政府公报 · 2019年第2期`.
 */
export function runningHead(issue: RunningHeadIssue): string {
  return `${issue.gazette} · ${issue.year}年第${issue.number}期`;
}

/** Space between the running head's baseline and the top of the type area, mm. */
export const RUNNING_HEAD_GAP_MM = 8;

/**
 * CSS for the PDF that prints `text` centred in the top margin of every page but the covers
 * (named page `cover`), 5号 (10.5 pt) Song, its baseline {@link RUNNING_HEAD_GAP_MM} above the type
 * area. Added when printing (not in the stylesheet), as the text differs per issue.
 */
export function runningHeadCss(text: string): string {
  const content = `"${text.replace(/["\\]/g, "\\$&")}"`;
  const box = `content:${content};font-family:"Noto Serif SC";font-weight:400;font-size:10.5pt;letter-spacing:0.05em;line-height:1;vertical-align:bottom;padding-bottom:calc(${RUNNING_HEAD_GAP_MM}mm - var(--gbt-half-leading, 2.4mm))`;
  return [`@page :left{@top-center{${box}}}`, `@page :right{@top-center{${box}}}`, "@page cover{@top-center{content:none}}"].join("\n");
}

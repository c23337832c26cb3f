/**
 * Splits `---\n<yaml>\n---\n<body>`; returns null when there is no front matter. Lines end at
 * `\n` or `\r\n`; both parts are given with `\n` line ends. `bodyLine` is the 1-based line of
 * the file where the body starts.
 */
export function splitFrontMatter(text: string): { frontMatter: string; body: string; bodyLine: number } | null {
  // Reads lines only up to the closing --- (profiled: splitting and joining every body was slow).
  const firstEnd = text.indexOf("\n");
  if (text.slice(0, firstEnd < 0 ? undefined : firstEnd).trim() !== "---" || firstEnd < 0) return null;
  let line = 1;
  for (let start = firstEnd + 1; ; line++) {
    const end = text.indexOf("\n", start);
    if (text.slice(start, end < 0 ? undefined : end).trim() === "---") {
      // The line end before the closing --- belongs to neither part.
      const fmEnd = start - (text[start - 2] === "\r" && start - 2 > firstEnd ? 2 : 1);
      return {
        frontMatter: lfLines(text.slice(firstEnd + 1, Math.max(firstEnd + 1, fmEnd))),
        body: end < 0 ? "" : lfLines(text.slice(end + 1)),
        bodyLine: line + 2,
      };
    }
    if (end < 0) return null;
    start = end + 1;
  }
}

/** `\r\n` line ends as `\n` (a lone `\r` stays), as `split(/\r?\n/).join("\n")` gives. */
function lfLines(text: string): string {
  return text.includes("\r") ? text.replace(/\r?\n/g, "\n") : text;
}

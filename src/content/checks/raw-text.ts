import type { Finding } from "../finding.ts";

/**
 * Checks the raw bytes of a content file as an editor's text editor saved them: a byte-order
 * mark, Windows (CRLF) line ends and tabs in the front matter or metadata. Each is a warning
 * (the file is still read) whose fix names the editor setting to change.
 * @param text the file's text as read (UTF-8, BOM not yet removed).
 * @param yamlLines how many leading lines are YAML (all for `.yml`, the front matter for `.md`).
 */
export function checkRawText(text: string, file: string, yamlLines = Infinity): Finding[] {
  const findings: Finding[] = [];
  if (text.startsWith("\uFEFF")) {
    findings.push({ file, line: 1, column: 1, severity: "warning", message: "文件开头有字节顺序标记（BOM）", fix: "另存为不带 BOM 的 UTF-8（VS Code：点状态栏的“UTF-8 with BOM”→“Save with Encoding”→“UTF-8”）", en: { message: "the file starts with a byte-order mark (BOM)", fix: "save it as UTF-8 without BOM (in VS Code: click “UTF-8 with BOM” in the status bar → Save with Encoding → UTF-8)" } });
  }
  const crlf = text.indexOf("\r\n");
  if (crlf >= 0) {
    const line = text.slice(0, crlf).split("\n").length;
    findings.push({ file, line, column: crlf - text.lastIndexOf("\n", crlf - 1), severity: "warning", message: "文件用的是 Windows 换行符（CRLF）", fix: "改存为 LF 换行（VS Code：点状态栏的“CRLF”→ 选“LF”）", en: { message: "the file has Windows line ends (CRLF)", fix: "save it with LF line ends (in VS Code: click “CRLF” in the status bar → LF)" } });
  }
  // Only the first `yamlLines` lines are read (profiled: splitting a whole document into lines was slow).
  for (let i = 0, start = 0; i < yamlLines; i++) {
    const end = text.indexOf("\n", start);
    const col = text.slice(start, end < 0 ? undefined : end).indexOf("\t");
    // A tab in the indentation is a YAML error, said by the YAML check (yaml-mend.ts).
    if (col > 0 && /\S/u.test(text.slice(start, start + col))) {
      findings.push({ file, line: i + 1, column: col + 1, severity: "warning", message: "前置信息中有制表符（Tab）", fix: "把 Tab 换成空格", en: { message: "a tab character in the metadata", fix: "replace the tab with spaces" } });
    }
    if (end < 0) break;
    start = end + 1;
  }
  return findings;
}

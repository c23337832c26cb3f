import type { Finding } from "../finding.ts";
import type { YamlSource } from "../yaml-source.ts";

/**
 * Characters that no metadata value may hold: C0 controls other than tab and line feed (BEL,
 * ESC, NUL, a lone CR…), DEL, C1 controls, unpaired surrogates and the noncharacters U+FFFE and
 * U+FFFF. XML 1.0 (§2.2 Char) forbids most of them, so one in a title would make every Atom feed
 * malformed; in a terminal or spreadsheet they can do worse.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|\p{Cs}/u;

/**
 * Control characters in metadata (YAML front matter, `issue.yml`, `archive.yml`) are errors at
 * the field's line, whether typed raw or written as a YAML escape (`"\a"`, `"\x1b"`). Keys and
 * values at any depth are looked at.
 */
export function checkControlCharacters(source: YamlSource): Finding[] {
  const findings: Finding[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string") {
      const m = CONTROL.exec(value);
      if (m) {
        const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
        const field = path.map(String).join(".") || "(值)";
        findings.push({ file: source.file, ...source.positionOf(path), severity: "error", message: `“${field}”含有控制字符 U+${code}（不可见，会破坏订阅源等输出）`, fix: "删除这个字符后重新输入这一行（通常是从其他软件复制带来的）" });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        visit(k, [...path, k]);
        visit(v, [...path, k]);
      }
    }
  };
  visit(source.value, []);
  return findings;
}

import { isUtf8 } from "node:buffer";
import { lstatSync, readFileSync } from "node:fs";
import type { Finding } from "./finding.ts";

/**
 * A content file as read: its text, `missing` (no such file), `skipped` (not a regular file: a
 * symbolic link, FIFO, socket or device, never opened; `checkContentFiles` reports it), or
 * `error` (not UTF-8: the finding says so).
 */
export type ContentFile = { kind: "text"; text: string } | { kind: "missing" } | { kind: "skipped" } | { kind: "error"; finding: Finding };

/**
 * Reads a content file (`archive.yml`, `issue.yml`, a document) as UTF-8 without ever opening
 * what is not a regular file (a FIFO would block the build; a link could point outside the
 * content folder). Invalid UTF-8 is an error finding at the line of the first bad byte, naming
 * the encoding when it can be recognised (GB18030/GBK, UTF-16), never read as U+FFFD.
 * Synchronous: from the page cache a read takes microseconds (see `loadIssue`).
 * @param file path of the file; @param relPath its path in findings.
 * @throws Error when the file exists but cannot be read (permissions), with the cause.
 */
export function readContentFile(file: string, relPath: string): ContentFile {
  try {
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st) return { kind: "missing" };
    if (!st.isFile()) return { kind: "skipped" };
    const bytes = readFileSync(file);
    if (isUtf8(bytes)) return { kind: "text", text: bytes.toString("utf8") };
    return { kind: "error", finding: encodingFinding(bytes, relPath) };
  } catch (err) {
    throw new Error(`无法读取 ${relPath}：${(err as NodeJS.ErrnoException).code ?? String(err)}（请检查文件权限）`, { cause: err });
  }
}

/** The finding for a file that is not valid UTF-8: line and column of the first bad byte, the encoding guessed. */
export function encodingFinding(bytes: Buffer, relPath: string): Finding {
  const text = bytes.toString("utf8");
  const bad = text.indexOf("\uFFFD");
  const before = text.slice(0, Math.max(0, bad));
  const line = before.split("\n").length;
  const column = bad - before.lastIndexOf("\n");
  const encoding = guessEncoding(bytes);
  const seen = encoding ? `，看起来是 ${encoding} 编码` : "，其中有不是 UTF-8 的字节";
  return {
    file: relPath,
    line,
    column,
    severity: "error",
    message: `此文件不是 UTF-8 编码${seen}（第 ${line} 行第 ${column} 列起）`,
    fix: encoding ? `用编辑器以 ${encoding} 打开，再另存为 UTF-8（VS Code：状态栏编码 → 通过编码重新打开 → ${encoding}，再“通过编码保存” → UTF-8）` : "用编辑器检查这一处，改正或删除乱码后另存为 UTF-8",
  };
}

/** The encoding of text that is not UTF-8, when it can be told: UTF-16 by its byte-order mark, else GB18030 when the bytes decode as mostly Chinese. */
function guessEncoding(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16BE";
  try {
    const text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    const nonAscii = text.match(/[^\x00-\x7f]/g)?.length ?? 0;
    const han = text.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
    return nonAscii > 0 && han / nonAscii > 0.8 ? "GB18030（GBK）" : null;
  } catch {
    return null;
  }
}

import type { Finding } from "../finding.ts";
import type { GazetteIssue } from "../model.ts";
import type { ArchiveSettings } from "../schema.ts";

/** Default size limits of `limits:` in `archive.yml`. */
export const DEFAULT_LIMITS = { bodyBytes: 2_000_000, titleChars: 500 } as const;

/**
 * Size limits of the content, set by `limits:` in `archive.yml` (defaults {@link DEFAULT_LIMITS}):
 * a document's text after its front matter may hold at most `bodyBytes` bytes of UTF-8 (2 MB:
 * the longest regulation of the 1,155-document sample corpus is far below it) and its title at
 * most `titleChars` characters (code points). Anything larger is an error naming the limit, so
 * that a runaway paste or a whole book saved as one document stops the build with a clear
 * message instead of a search index that takes minutes.
 */
export function checkLimits(issues: readonly GazetteIssue[], limits: ArchiveSettings["limits"] = {}): Finding[] {
  const bodyBytes = limits.bodyBytes ?? DEFAULT_LIMITS.bodyBytes;
  const titleChars = limits.titleChars ?? DEFAULT_LIMITS.titleChars;
  const findings: Finding[] = [];
  for (const issue of issues) {
    for (const doc of issue.documents) {
      const titleLength = [...doc.title].length;
      if (titleLength > titleChars) {
        findings.push({ file: doc.sourcePath, line: doc.fieldLines?.title ?? 2, column: 1, severity: "error", message: `标题有 ${titleLength} 个字符，超过上限 ${titleChars} 个字符`, fix: `核对标题是否误粘贴了正文；确需更长时，在 archive.yml 中写上 limits: { titleChars: ${titleLength} }` });
      }
      // Cheap test first: a UTF-8 character takes at most 3 bytes per UTF-16 code unit.
      const bytes = doc.body.length * 3 > bodyBytes ? Buffer.byteLength(doc.body, "utf8") : 0;
      if (bytes > bodyBytes) {
        findings.push({ file: doc.sourcePath, line: doc.bodyLine, column: 1, severity: "error", message: `正文有 ${mb(bytes)}，超过每件文件 ${spaced(mb(bodyBytes))}的上限`, fix: `把它拆成几件文件，或核对是否误粘贴了其他内容；确需更大时，在 archive.yml 中写上 limits: { bodyBytes: ${bytes} }` });
      }
    }
  }
  return findings;
}

/** A size followed by a space when it ends in Latin letters (`2.0 MB 的`, but `1,000 字节的`). */
function spaced(size: string): string {
  return /[A-Za-z]$/.test(size) ? `${size} ` : size;
}

/** A size for people: `2.0 MB` (1 MB = 1,000,000 bytes), or `1,801 字节` below 0.1 MB. */
function mb(bytes: number): string {
  return bytes >= 100_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${bytes.toLocaleString("en-US")} 字节`;
}

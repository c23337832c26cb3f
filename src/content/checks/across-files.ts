import type { Finding } from "../finding.ts";
import type { GazetteIssue, NumberedFile } from "../model.ts";

/**
 * Rules across files of the whole archive: a document number used twice (error), two
 * documents at the same web address (error; addresses are compared ignoring case, as on
 * Windows and macOS disks), and printed pages that go backwards in table-of-contents order
 * within a gazette issue (warning).
 * @param issues every loaded gazette issue, documents in table-of-contents order.
 * @param numbered documents left out for an error, whose document numbers still count (so a
 *   number used twice is reported in the same pass as the other errors).
 */
export function checkAcrossFiles(issues: readonly GazetteIssue[], numbered: readonly NumberedFile[] = []): Finding[] {
  const findings: Finding[] = [];
  const numbers = new Map<string, string>();
  const urls = new Map<string, string>();
  for (const issue of issues) {
    let last: { page: number; path: string } | null = null;
    for (const doc of issue.documents) {
      findings.push(...numberOnce(numbers, doc.sourcePath, doc.docNumbers, doc.fieldLines?.docNumber ?? 1));
      const url = doc.url.normalize("NFC").toLowerCase();
      const other = urls.get(url);
      if (other) findings.push({ file: doc.sourcePath, line: 1, column: 1, severity: "error", message: `本文件的网址 ${doc.url} 与 ${other} 相同`, fix: "给其中一个文件改名；文件名是网址的最后一段，不能相同（不分大小写）", en: { message: `this document has the same web address ${doc.url} as ${other}`, fix: "rename one of the files; file names are the last part of the address and must differ (also in upper/lower case)" } });
      else urls.set(url, doc.sourcePath);
      if (doc.page !== undefined) {
        if (last && doc.page < last.page) {
          findings.push({ file: doc.sourcePath, line: doc.pageLine ?? 1, column: 1, severity: "warning", message: `按目录顺序，第 ${doc.page} 页排在第 ${last.page} 页（${last.path}）之后`, fix: "对照印刷本目录核对 page:，并核对 issue.yml 中栏目的顺序", en: { message: `page ${doc.page} comes after page ${last.page} (${last.path}) in table-of-contents order`, fix: "check page: against the printed table of contents, and the order of sections in issue.yml" } });
        }
        last = { page: doc.page, path: doc.sourcePath };
      }
    }
  }
  for (const file of numbered) findings.push(...numberOnce(numbers, file.sourcePath, file.docNumbers, file.line));
  return findings;
}

/** The document-number rule for one file: each of its numbers is new to `numbers` (then recorded there). */
function numberOnce(numbers: Map<string, string>, sourcePath: string, docNumbers: readonly string[], line: number): Finding[] {
  const findings: Finding[] = [];
  for (const n of docNumbers) {
    const first = numbers.get(n);
    if (first === sourcePath) findings.push({ file: sourcePath, line, column: 1, severity: "error", message: `发文字号 ${n} 在本文件中写了两次`, fix: "docNumber 中只保留一个", en: { message: `document number ${n} is listed twice in this document`, fix: "keep it once in docNumber" } });
    else if (first) findings.push({ file: sourcePath, line, column: 1, severity: "error", message: `发文字号 ${n} 已被 ${first} 使用`, fix: "对照印刷本改正发文字号；同一发文字号在档案中只能出现一次", en: { message: `document number ${n} is already used by ${first}`, fix: "correct the document number; each document number appears once in the archive" } });
    else numbers.set(n, sourcePath);
  }
  return findings;
}

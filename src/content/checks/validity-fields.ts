import type { Finding } from "../finding.ts";
import type { Bilingual } from "../../i18n/index.ts";
import { isListed, type GazetteDocument, type GazetteIssue } from "../model.ts";

/**
 * Rules of the validity fields (有效性) across the archive:
 * - `validFrom` after `validUntil` (error: the document would never be in force);
 * - `validUntil` before the document's own date (warning: probably a typing slip);
 * - `repealedBy` or `amendedBy` naming the document itself (error);
 * - `repealedBy` or `amendedBy` naming a number that no published document of the archive has
 *   (warning: it is shown as plain text, not linked — right for a document outside the archive,
 *   wrong for a typing slip; a withheld or draft document counts as not published);
 * - `validity` written beside the fields it overrides (warning: the override wins, the fields are
 *   then not used for the status).
 * Dates are compared as `YYYY-MM-DD` strings (calendar dates, no time zone).
 * @param issues every loaded gazette issue.
 */
export function checkValidityFields(issues: readonly GazetteIssue[]): Finding[] {
  const findings: Finding[] = [];
  const published = new Map<string, GazetteDocument>();
  const all = new Map<string, GazetteDocument>();
  for (const doc of issues.flatMap((i) => i.documents)) {
    for (const n of doc.docNumbers) {
      all.set(n, doc);
      if (isListed(doc)) published.set(n, doc);
    }
  }
  for (const doc of issues.flatMap((i) => i.documents)) {
    const line = (k: keyof NonNullable<GazetteDocument["fieldLines"]>) => doc.fieldLines?.[k] ?? 1;
    const add = (k: keyof NonNullable<GazetteDocument["fieldLines"]>, severity: Finding["severity"], message: Bilingual, fix: Bilingual) =>
      findings.push({ file: doc.sourcePath, line: line(k), column: 1, severity, message: message.zh, fix: fix.zh, en: { message: message.en, fix: fix.en } });
    if (doc.validFrom && doc.validUntil && doc.validFrom > doc.validUntil) {
      add("validUntil", "error", { zh: `有效期至（validUntil）${doc.validUntil} 早于施行日期（validFrom）${doc.validFrom}`, en: `"validUntil" ${doc.validUntil} is before "validFrom" ${doc.validFrom}` }, { zh: "对照正文核对施行日期和有效期至", en: "check both dates against the document's text (施行日期, 有效期至)" });
    }
    if (doc.validUntil && doc.date && doc.validUntil < doc.date) {
      add("validUntil", "warning", { zh: `有效期至（validUntil）${doc.validUntil} 早于成文日期 ${doc.date}`, en: `"validUntil" ${doc.validUntil} is before the document's date ${doc.date}` }, { zh: "对照正文核对有效期至", en: "check 有效期至 against the document's text" });
    }
    const refs: ["repealedBy" | "amendedBy", string][] = [
      ...(doc.repealedBy ? [["repealedBy", doc.repealedBy] as ["repealedBy", string]] : []),
      ...(doc.amendedBy ?? []).map((n) => ["amendedBy", n] as ["amendedBy", string]),
    ];
    for (const [field, n] of refs) {
      if (doc.docNumbers.includes(n)) {
        add(field, "error", { zh: `${field} 写的 ${n} 是本文件自己的发文字号`, en: `"${field}" ${n} is this document's own number` }, { zh: `写${field === "repealedBy" ? "废止" : "修改"}本文件的那件文件的发文字号`, en: `write the number of the document that ${field === "repealedBy" ? "repealed" : "amended"} this one` });
      } else if (!published.has(n)) {
        const hidden = all.get(n);
        add(
          field,
          "warning",
          hidden
            ? { zh: `${field} 写的 ${n} 是 ${hidden.sourcePath}，该文件不公开（${hidden.publication}），网站上只显示文号、不加链接`, en: `"${field}" ${n} is ${hidden.sourcePath}, which is not published (${hidden.publication}); it is shown as plain text` }
            : { zh: `${field} 写的 ${n} 不在本档案中，网站上只显示文号、不加链接`, en: `"${field}" ${n} is not a document of this archive; it is shown as plain text, not linked` },
          { zh: "核对发文字号；如果该文件在另一期公报中，把那一期也加入档案", en: "check the number; if the document is in another gazette issue, add that issue to the archive" },
        );
      }
    }
    if (doc.validity && (doc.validFrom || doc.validUntil || doc.repealedBy || doc.amendedBy)) {
      add("validity", "warning", { zh: `“validity: ${doc.validity}”会覆盖 validFrom、validUntil、repealedBy 和 amendedBy`, en: `"validity: ${doc.validity}" overrides validFrom, validUntil, repealedBy and amendedBy` }, { zh: "删去 validity: 让网站按其他字段判断有效性，或删去那些字段", en: "remove validity: and let the status be computed from the other fields, or remove those fields" });
    }
  }
  return findings;
}

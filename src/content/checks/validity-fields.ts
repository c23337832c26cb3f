import type { Finding } from "../finding.ts";
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
    const add = (k: keyof NonNullable<GazetteDocument["fieldLines"]>, severity: Finding["severity"], message: string, fix: string) =>
      findings.push({ file: doc.sourcePath, line: line(k), column: 1, severity, message, fix });
    if (doc.validFrom && doc.validUntil && doc.validFrom > doc.validUntil) {
      add("validUntil", "error", `"validUntil" ${doc.validUntil} is before "validFrom" ${doc.validFrom}`, "check both dates against the document's text (施行日期, 有效期至)");
    }
    if (doc.validUntil && doc.date && doc.validUntil < doc.date) {
      add("validUntil", "warning", `"validUntil" ${doc.validUntil} is before the document's date ${doc.date}`, "check 有效期至 against the document's text");
    }
    const refs: ["repealedBy" | "amendedBy", string][] = [
      ...(doc.repealedBy ? [["repealedBy", doc.repealedBy] as ["repealedBy", string]] : []),
      ...(doc.amendedBy ?? []).map((n) => ["amendedBy", n] as ["amendedBy", string]),
    ];
    for (const [field, n] of refs) {
      if (doc.docNumbers.includes(n)) {
        add(field, "error", `"${field}" ${n} is this document's own number`, `write the number of the document that ${field === "repealedBy" ? "repealed" : "amended"} this one`);
      } else if (!published.has(n)) {
        const hidden = all.get(n);
        add(
          field,
          "warning",
          hidden ? `"${field}" ${n} is ${hidden.sourcePath}, which is not published (${hidden.publication}); it is shown as plain text` : `"${field}" ${n} is not a document of this archive; it is shown as plain text, not linked`,
          "check the number; if the document is in another gazette issue, add that issue to the archive",
        );
      }
    }
    if (doc.validity && (doc.validFrom || doc.validUntil || doc.repealedBy || doc.amendedBy)) {
      add("validity", "warning", `"validity: ${doc.validity}" overrides validFrom, validUntil, repealedBy and amendedBy`, "remove validity: and let the status be computed from the other fields, or remove those fields");
    }
  }
  return findings;
}

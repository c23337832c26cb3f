import type { Finding } from "../finding.ts";
import { FIELD_LABEL } from "../field-labels.ts";

/** The comment `npm run import` writes after a value it inferred but is not sure of. */
export const REVIEW_MARKER = "# 待核";

/**
 * Finds the review markers (`# 待核：reason`) that `npm run import` leaves after values it is
 * unsure of and `npm run new` after placeholders. Each is an error: such a value must be checked
 * against the printed issue before publication.
 * @param lineOffset added to line numbers (front matter starts on line 2 of its file).
 */
export function checkReviewMarkers(yamlText: string, file: string, lineOffset = 0): Finding[] {
  const findings: Finding[] = [];
  yamlText.split("\n").forEach((line, i) => {
    const col = line.indexOf(REVIEW_MARKER);
    if (col < 0) return;
    const key = /^\s*([\w-]+)\s*:/.exec(line)?.[1];
    const field = key ?? "this value";
    const reason = line.slice(col + REVIEW_MARKER.length).replace(/^[：:\s]+/, "").trim();
    // 公开方式（publication）: the field as editors know it, with the key they see in the file.
    const named = key ? (FIELD_LABEL[key] ? `${FIELD_LABEL[key]}（${key}）` : `“${key}”`) : null;
    findings.push({
      file,
      line: i + 1 + lineOffset,
      column: col + 1,
      severity: "error",
      message: `${named ?? "这个值"}标有 ${REVIEW_MARKER}（尚未核对）${reason ? `：${reason}` : ""}`,
      fix: `对照印刷本核对${named ?? "这个值"}，需要时改正，然后删去注释“${REVIEW_MARKER}……”`,
      en: {
        message: `"${field}" is marked ${REVIEW_MARKER} (not yet checked)${reason ? `: ${reason}` : ""}`,
        fix: `check ${field} against the printed issue, correct it if needed, then delete the comment “${REVIEW_MARKER}…”`,
      },
    });
  });
  return findings;
}

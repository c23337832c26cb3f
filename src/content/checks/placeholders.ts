import type { Finding } from "../finding.ts";

/**
 * The body lines `npm run new` writes as placeholders (src/scaffold/scaffold-issue.ts writes them
 * from here): each a whole line that no printed document has, and what it stands for.
 */
export const BODY_PLACEHOLDERS = { addressee: "主送机关：", text: "正文。", signature: "发文机关" } as const;

const WHAT: Record<string, { zh: string; en: string; block: string | null }> = {
  [BODY_PLACEHOLDERS.addressee]: { zh: "主送机关", en: "the addressee", block: "addressee" },
  [BODY_PLACEHOLDERS.text]: { zh: "正文", en: "the text", block: null },
  [BODY_PLACEHOLDERS.signature]: { zh: "署名（发文机关）", en: "the signature", block: "signature" },
};

/**
 * Finds the placeholder lines of `npm run new` ({@link BODY_PLACEHOLDERS}) left in the body of a
 * document whose text is to be published: an error each, since the site and the PDF would print
 * them as the document's text. Front-matter placeholders carry `# 待核` (`checkReviewMarkers`).
 * @param bodyLine 1-based line of the file where the body starts.
 */
export function checkPlaceholders(body: string, file: string, bodyLine: number): Finding[] {
  const findings: Finding[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    const what = WHAT[line.trim()];
    if (!what) return;
    findings.push({
      file,
      line: bodyLine + i,
      column: line.indexOf(line.trim()) + 1,
      severity: "error",
      message: `“${line.trim()}”是 npm run new 模板里的占位文字，还没有换成${what.zh}`,
      fix: what.block ? `对照印刷本把这一行换成${what.zh}的原文；原件没有${what.zh}的，连同它所在的 ::: ${what.block} 块一起删去` : `对照印刷本把这一行换成${what.zh}的原文`,
      en: { message: `"${line.trim()}" is a placeholder of the npm run new template, not yet replaced by ${what.en}`, fix: what.block ? `replace the line with ${what.en} as printed, or delete it with its ::: ${what.block} block if the original has none` : `replace the line with ${what.en} as printed` },
    });
  });
  return findings;
}

export { runAxe, WCAG_21_AA_TAGS, type AxeViolation } from "./axe.ts";
export { checkSiteLinks, type BrokenLink } from "./check-links.ts";
export { pageWeight, type PageWeight } from "./page-weight.ts";
export { formatHtmlProblems, HTML_VALIDATE_CONFIG, validateSiteHtml, type HtmlProblem } from "./validate-html.ts";
export { STRICT_CSP } from "../../build/csp.ts";
export { samplePages, type PageSample } from "./page-types.ts";
export { AUDIT_WIDTHS, auditPages, waitForDocumentLinks, type PageAudit } from "./browser-audit.ts";

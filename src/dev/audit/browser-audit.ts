import type { Browser, Page } from "playwright-core";
import { runAxe, type AxeViolation } from "./axe.ts";
import type { PageSample } from "./page-types.ts";

/** Viewport widths the archive is checked at, in CSS px: a small phone and a desktop. */
export const AUDIT_WIDTHS = [360, 1280] as const;

/** Outcome of loading one page in Chromium. */
export interface PageAudit {
  kind: string;
  url: string;
  width: number;
  violations: AxeViolation[];
  /** Content-Security-Policy violations reported by the page (`securitypolicyviolation`). */
  cspViolations: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

/** True on a page whose main region links to at least one document page (search results shown). */
export async function waitForDocumentLinks(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(
    () => Array.from(document.querySelectorAll<HTMLAnchorElement>("main a[href]")).some((a) => /\/\d{4}\/\d+\/[^/]+\/$/.test(new URL(a.href).pathname)),
    undefined,
    { timeout: timeoutMs },
  );
}

/**
 * Loads each sample page at each width, in that order, and for each load collects CSP violations
 * and console errors while it loads (and, for the search page, until results show), then runs axe.
 * All loads share one browser context and one tab, so Chromium keeps one renderer process and axe's
 * compiled code between pages; each load is a fresh navigation at its width (`setViewportSize`
 * first), and the context is closed at the end.
 * @param origin server URL including the path prefix without its final slash, e.g. `http://127.0.0.1:4000/gazette`.
 * @param widths viewport widths in CSS px (height 900 px), e.g. {@link AUDIT_WIDTHS}.
 * @returns one audit per sample and width, samples in the order given, widths within each.
 */
export async function auditPages(browser: Browser, origin: string, samples: readonly PageSample[], widths: readonly number[]): Promise<PageAudit[]> {
  const context = await browser.newContext({ viewport: { width: widths[0] ?? 1280, height: 900 } });
  try {
    const page = await context.newPage();
    let errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const audits: PageAudit[] = [];
    for (const sample of samples) {
      for (const width of widths) {
        errors = [];
        const url = origin + sample.path;
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url, { waitUntil: "load" });
        if (sample.awaitsResults) await waitForDocumentLinks(page);
        const violations = await runAxe(page);
        const cspViolations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
        // A missing page answers 404 on purpose; the browser logs that as a console error.
        const relevant = sample.kind === "404" ? errors.filter((e) => !/404/.test(e)) : errors;
        audits.push({ kind: sample.kind, url, width, violations, cspViolations, errors: relevant });
      }
    }
    return audits;
  } finally {
    await context.close();
  }
}

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

/** One axe-core violation, reduced to what a report needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the failing elements. */
  targets: string[];
}

/** The WCAG 2.1 level A and AA rule tags axe runs (GB/T 37668-2019 follows WCAG 2.0/2.1). */
export const WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let axeSource: string | undefined;

/**
 * Runs axe-core in a loaded page (injected through the DevTools protocol, so a Content-Security-
 * Policy on the page does not block it) against the WCAG 2.1 A/AA rules.
 * @returns the violations; an empty list means axe found none.
 */
export async function runAxe(page: Page, tags: string[] = WCAG_21_AA_TAGS): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  return page.evaluate(async (runTags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: runTags } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(" ")) }));
  }, tags);
}

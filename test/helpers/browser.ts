import type { Browser } from "playwright-core";
import { launchChromium } from "../../src/browser/index.ts";

/**
 * One headless Chromium shared by the suites of a test process (a launch costs about as much CPU
 * as the pages most suites open). A suite takes it with {@link sharedBrowser} and gives it back
 * with {@link releaseBrowser} (in its `after` hook, or a `finally`); suites open their own pages
 * or contexts and close them, and never close the browser.
 *
 * Run by uvu alone, the browser closes when the last suite gives it back. Under `npm test`
 * (scripts/test-worker.ts calls {@link keepSharedBrowser}) it stays open for the next file and the
 * worker closes it at the end ({@link closeSharedBrowser}).
 */

let browser: Promise<Browser> | null = null;
let users = 0;
let keep = false;

/** The process's Chromium, launched on first use (again if it was closed or crashed). */
export async function sharedBrowser(): Promise<Browser> {
  users++;
  if (browser) {
    const open = await browser.then((b) => b.isConnected(), () => false);
    if (!open) browser = null;
  }
  browser ??= launchChromium();
  return await browser;
}

/** Gives the browser back; closes it when no suite uses it, unless the test worker keeps it. */
export async function releaseBrowser(): Promise<void> {
  users = Math.max(0, users - 1);
  if (users === 0 && !keep) await closeSharedBrowser();
}

/** Keeps the browser open between files (called by the test worker before any file loads). */
export function keepSharedBrowser(): void {
  keep = true;
}

/** Closes the browser if one was launched. */
export async function closeSharedBrowser(): Promise<void> {
  const open = browser;
  browser = null;
  if (open) await (await open.catch(() => null))?.close();
}

import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { EditorError } from "../i18n/index.ts";

/**
 * Where Chromium is looked for, in order, when no executable is given. First Debian's
 * `chromium-headless-shell` (package of the same name): Chromium's old headless mode, the one
 * playwright itself runs for headless launches; same Blink and print pipeline as `chromium`, without
 * the full browser around it, so every page costs less CPU (see README, "Tests"). Then the full
 * browser.
 */
export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * Finds the Chromium executable: `executablePath` when given (the scripts pass `CHROMIUM_PATH`
 * from the environment), else the first of {@link CHROMIUM_CANDIDATES} that exists (Debian's
 * `/usr/bin/chromium-headless-shell`, then `/usr/bin/chromium`, …).
 * @throws Error telling how to install Chromium or set CHROMIUM_PATH when none is found.
 */
export function findChromium(executablePath?: string): string {
  if (executablePath) {
    if (existsSync(executablePath)) return executablePath;
    throw new EditorError({ zh: `CHROMIUM_PATH 指向 ${executablePath}，但那里没有文件；请指向 Chromium 程序，或取消这个设置`, en: `CHROMIUM_PATH is set to ${executablePath}, but no file is there. Point it at a Chromium executable or unset it.` });
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new EditorError({ zh: "找不到 Chromium 浏览器：请安装（Debian/Ubuntu：apt-get install chromium-headless-shell 或 chromium），或用 CHROMIUM_PATH 指定 Chromium 程序的位置", en: "No Chromium found. Install Debian's package (apt-get install chromium-headless-shell, or chromium) or set CHROMIUM_PATH to a Chromium executable." });
  }
  return found;
}

/**
 * Launches headless Chromium through playwright-core with the flags this closed network needs
 * (no background networking, no component updates). The caller closes the browser.
  * @param options.executablePath Chromium to run (default: the first of {@link CHROMIUM_CANDIDATES}, see {@link findChromium}).
 * @param options.channel an installed Google Chrome or Microsoft Edge instead of Chromium
 *   (playwright's channel names: `chrome`, `msedge`, `chrome-beta`, `msedge-dev` …), e.g. on a
 *   print shop's Windows or macOS machine.
 * @throws Error (in Chinese) naming the channel when that browser is not installed.
 */
export async function launchChromium(options: { channel?: string; executablePath?: string } = {}): Promise<Browser> {
  const where = options.channel ? { channel: options.channel } : { executablePath: findChromium(options.executablePath) };
  try {
    return await launchWith(where);
  } catch (err) {
    if (!options.channel) throw err;
    throw new EditorError({ zh: `找不到浏览器 ${options.channel}（--browser ${options.channel}）— 请安装 Google Chrome（chrome）或 Microsoft Edge（msedge），或去掉 --browser 改用 Chromium`, en: `Browser ${options.channel} not found (--browser ${options.channel}): install Google Chrome (chrome) or Microsoft Edge (msedge), or drop --browser to use Chromium` });
  }
}

async function launchWith(where: { channel: string } | { executablePath: string }): Promise<Browser> {
  // Loaded on first launch: most commands (check, new, build without PDFs) never start a browser.
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    ...where,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--font-render-hinting=none",
    ],
  });
}

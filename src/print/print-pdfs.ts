import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, serveStatic } from "../browser/index.ts";
import type { PrintTask } from "./print-jobs.ts";
import { OFFICE_FONT_PATH, officeFontCss, officeFontFile, type OfficeFonts } from "./office-fonts.ts";
import { renderPressPdf } from "./print-press.ts";
import { pressPdfPath, type PressSettings } from "./press.ts";
import { renderPdf } from "./render-pdf.ts";

/** One PDF written by {@link printPdfs}. */
export interface PrintedPdf {
  task: PrintTask;
  /** Absolute path of the file written. */
  file: string;
  bytes: number;
  pages: number;
  /** Wall-clock time of this PDF in ms (load, prints, pdf-lib). */
  ms: number;
  passes: number;
  starts: Record<string, number>;
  fonts: string[];
  /** Warnings in Chinese, e.g. a licensed font that was not embedded (the free face was used). */
  warnings?: string[];
  /** The press PDF written beside it (`--press`): absolute path and pages after padding. */
  press?: { file: string; bytes: number; pages: number };
}

/** Options of {@link printPdfs}. */
export interface PrintPdfOptions {
  /** Also write a PDF/X-1a press PDF beside each PDF of a gazette issue ({@link renderPressPdf}). */
  press?: PressSettings;
  /** Print with an installed Chrome or Edge (playwright channel, e.g. `chrome`, `msedge`) instead of Chromium. */
  channel?: string;
  /** The office's licensed fonts by role (`archive.yml` → `print.fonts`, see office-fonts.ts). */
  officeFonts?: OfficeFonts;
  /** Chromium executable (default: see `findChromium`); ignored with `channel`. */
  chromiumPath?: string;
  /** An open browser to print in (left open; the tests share one), instead of launching one for this call. */
  browser?: Browser;
}

/**
 * Makes the PDFs of `tasks` from a built site: serves `siteDir` on loopback, prints each print
 * view in headless Chromium (`renderPdf`), writes the file atomically (temp file + rename, so a
 * failed run leaves the previous PDF in place). No page is changed: the pages link the issue PDFs
 * that `npm run build` makes (`makeIssuePdfs`). One browser for all tasks.
 * @param onDone called after each PDF (for a progress bar).
 * @param pathPrefix URL path the site was built for, e.g. `/gazette/` (default `/`), so the
 *   print views find their stylesheets and fonts.
 * @throws Error from `findChromium` when no Chromium is found, or from `renderPdf`.
 */
export async function printPdfs(siteDir: string, tasks: PrintTask[], onDone: (pdf: PrintedPdf) => void = () => {}, pathPrefix = "/", options: PrintPdfOptions = {}): Promise<PrintedPdf[]> {
  const prefix = `/${pathPrefix.replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
  const server = await serveStatic(siteDir, prefix);
  const done: PrintedPdf[] = [];
  try {
    const browser = options.browser ?? (await launchChromium({ ...(options.channel ? { channel: options.channel } : {}), ...(options.chromiumPath ? { executablePath: options.chromiumPath } : {}) }));
    let opened: Page | undefined;
    try {
      const page = (opened = await browser.newPage());
      const office = options.officeFonts ?? {};
      const hasOffice = Object.keys(office).length > 0;
      if (hasOffice) {
        // Served to Chromium from where they are, never copied into the public site.
        await page.route(`**${OFFICE_FONT_PATH}*`, (route) => {
          const file = officeFontFile(office, new URL(route.request().url()).pathname);
          return file ? route.fulfill({ path: file }) : route.abort();
        });
      }
      for (const task of tasks) {
        const started = performance.now();
        const css = [task.css, hasOffice ? officeFontCss(office) : ""].filter(Boolean).join("\n");
        const job = { url: `${server.url}${prefix}${task.view.slice(1)}`, ...task, css, officeFonts: hasOffice };
        const result = await renderPdf(page, job);
        const file = path.join(siteDir, task.file);
        await writeAtomically(file, result.bytes);
        let press: PrintedPdf["press"];
        if (options.press && task.issue) {
          const made = await renderPressPdf(page, job, options.press, task.backCover);
          press = { file: pressPdfPath(file), bytes: made.bytes.byteLength, pages: made.pages };
          await writeAtomically(press.file, made.bytes);
        }
        const printed: PrintedPdf = { task, file, bytes: result.bytes.byteLength, pages: result.pages, ms: Math.round(performance.now() - started), passes: result.passes, starts: result.starts, fonts: result.fonts, ...(press ? { press } : {}) };
        const officeEmbedded = result.fonts.filter((f) => !/^(NotoSerifSC|NotoSansSC|LXGWWenKai)/.test(f));
        if (hasOffice && officeEmbedded.length === 0) {
          printed.warnings = [`${task.file}：archive.yml print.fonts 中的授权字体没有嵌入 PDF（文件无法读取，或不含所用的字），已改用免费字体；请检查字体文件`];
        }
        done.push(printed);
        onDone(printed);
      }
    } finally {
      if (options.browser) await opened?.close();
      else await browser.close();
    }
  } finally {
    await server.close();
  }
  return done;
}

/** Writes a file through a temp file and a rename, so a failed run leaves the previous file in place. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, bytes);
  await rename(`${file}.tmp`, file);
}

/**
 * `npm run pdf [-- --issue 2019-02] [-- --documents]`: prints the GB/T 9704-2012 print view of
 * every gazette issue (or one) to `_site/pdf/<YYYY-NN>.pdf` in headless Chromium, and with
 * `--documents` one PDF per document to `_site/pdf/<YYYY-NN>/<slug>.pdf`. Builds the site first
 * when `_site/` has no print views. Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium.
 * A site built with `--path-prefix` (or GAZETTE_PATH_PREFIX) needs the same prefix here.
 * `--press` also writes the PDF/X-1a press PDF beside each issue PDF (`<YYYY-NN>.press.pdf`, needs
 * Ghostscript), `--right-hand-starts` starts every document of it on a right-hand page;
 * `--browser chrome|msedge` prints with an installed Google Chrome or Microsoft Edge.
 */
import { SingleBar, Presets } from "cli-progress";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../src/build/index.ts";
import { loadArchive, formatFindings } from "../src/content/index.ts";
import { createMarkdown } from "../src/markdown/index.ts";
import { pressSettings, printPdfs, printTasks, resolveOfficeFonts, type PrintedPdf } from "../src/print/index.ts";
import { buildSiteData } from "../src/site/index.ts";
import { parseCliArgs } from "../src/util/index.ts";

const { values } = parseCliArgs({
  options: {
    issue: { type: "string" },
    documents: { type: "boolean", default: false },
    content: { type: "string", default: "issues" },
    output: { type: "string", default: "_site" },
    "path-prefix": { type: "string" },
    press: { type: "boolean", default: false },
    "right-hand-starts": { type: "boolean", default: false },
    browser: { type: "string" },
  },
}, "npm run pdf [-- --issue YYYY-NN] [--documents] [--press [--right-hand-starts]] [--browser chrome|msedge] [--content DIR] [--output DIR] [--path-prefix /gazette/]");
const pathPrefix = values["path-prefix"] ?? process.env.GAZETTE_PATH_PREFIX ?? "/";
const siteDir = path.resolve(values.output);
const contentDir = path.resolve(values.content);

try {
  const { archive, findings } = await loadArchive(contentDir);
  if (!archive) throw new Error(`${formatFindings(findings)}\n\nFix the content first: no PDF was made.`);
  if (!existsSync(path.join(siteDir, "print"))) {
    console.log(`No print views in ${path.relative(process.cwd(), siteDir) || "."}/ — building the site first…`);
    const built = await buildSite({ contentDir, outputDir: siteDir, pathPrefix });
    if (!built.ok) throw new Error(`${built.error}\n\nBuild stopped: no PDF was made.`);
  }
  const tasks = printTasks(buildSiteData(archive, createMarkdown()), {
    ...(values.issue ? { issue: values.issue } : {}),
    documents: values.documents,
  });
  const started = performance.now();
  const bar = tasks.length > 1 && process.stdout.isTTY ? new SingleBar({ format: "PDF {bar} {value}/{total} {file}", hideCursor: true }, Presets.shades_classic) : undefined;
  bar?.start(tasks.length, 0, { file: "" });
  const report = (p: PrintedPdf) =>
    `${path.relative(process.cwd(), p.file)}: ${p.pages} pages, ${(p.bytes / 1024 / 1024).toFixed(2)} MB, ${(p.ms / 1000).toFixed(1)} s` +
    (p.press ? `\n${path.relative(process.cwd(), p.press.file)}: ${p.press.pages} pages, PDF/X-1a, CMYK (印刷版)` : "");
  const office = resolveOfficeFonts(archive.settings.print?.fonts, contentDir);
  for (const w of office.warnings) console.warn(w);
  const press = values.press ? pressSettings(archive.settings.print?.press, { rightHandStarts: values["right-hand-starts"] }) : undefined;
  const done = await printPdfs(siteDir, tasks, (p) => {
    if (bar) bar.increment(1, { file: p.task.file });
    else console.log(report(p));
  }, pathPrefix, { ...(press ? { press } : {}), ...(values.browser ? { channel: values.browser } : {}), officeFonts: office.fonts });
  for (const p of done) for (const w of p.warnings ?? []) console.warn(w);
  bar?.stop();
  if (bar) for (const p of done) console.log(report(p));
  console.log(`Made ${done.length} PDF${done.length === 1 ? "" : "s"} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

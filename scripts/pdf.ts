/**
 * `npm run pdf [-- --issue 2019-02] [-- --documents]`: prints the GB/T 9704-2012 print view of
 * every gazette issue (or one) to `_site/pdf/<YYYY-NN>.pdf` in headless Chromium, and with
 * `--documents` one PDF per document to `_site/pdf/<YYYY-NN>/<slug>.pdf`. Builds the site first
 * when `_site/` has no print views. Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium-headless-shell or /usr/bin/chromium.
 * A site built with `--path-prefix` (or GAZETTE_PATH_PREFIX) needs the same prefix here.
 * `--press` also writes the PDF/X-1a press PDF beside each issue PDF (`<YYYY-NN>.press.pdf`, needs
 * Ghostscript), `--right-hand-starts` starts every document of it on a right-hand page;
 * `--browser chrome|msedge` prints with an installed Google Chrome or Microsoft Edge.
 */
import { SingleBar, Presets } from "cli-progress";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../src/build/index.ts";
import { BUILD_LOCK_WAIT_MS } from "../src/build/build-lock.ts";
import { lockOutput } from "../src/build/output-lock.ts";
import { loadArchive, formatFindings } from "../src/content/index.ts";
import { createMarkdown } from "../src/markdown/index.ts";
import { asOfDate } from "../src/relations/index.ts";
import { pressSettings, printPdfs, printTasks, resolveOfficeFonts, type PrintedPdf } from "../src/print/index.ts";
import { buildSiteData } from "../src/site/index.ts";
import { explainError } from "../src/build/explain-error.ts";
import { EditorError, say } from "../src/i18n/index.ts";
import { parseCliArgs } from "../src/util/index.ts";
import { settingsFromEnv } from "./settings.ts";

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
const env = settingsFromEnv();
const pathPrefix = values["path-prefix"] ?? env.pathPrefix ?? "/";
const siteDir = path.resolve(values.output);
const contentDir = path.resolve(values.content);

try {
  // One writer of the output folder at a time: waits for a build, stops when npm start serves it.
  await lockOutput(siteDir, "npm run pdf", { waitMs: BUILD_LOCK_WAIT_MS, onWait: (_, message) => console.warn(message) });
  const { archive, findings } = await loadArchive(contentDir);
  if (!archive) {
    const report = formatFindings(findings);
    throw new EditorError({ zh: `${report}\n\n请先改正内容：没有生成任何 PDF。`, en: `${report}\n\nFix the content first: no PDF was made.` });
  }
  if (!existsSync(path.join(siteDir, "print"))) {
    const where = path.relative(process.cwd(), siteDir) || ".";
    console.log(say({ zh: `${where}/ 中还没有印刷版页面，先生成网站……`, en: `No print views in ${where}/ — building the site first…` }));
    const built = await buildSite({ contentDir, outputDir: siteDir, pathPrefix, ...(env.asOf ? { asOf: env.asOf } : {}) });
    if (!built.ok) throw new EditorError({ zh: `${built.error}\n\n网站生成已停止：没有生成任何 PDF。`, en: `${built.error}\n\nBuild stopped: no PDF was made.` });
  }
  const tasks = printTasks(buildSiteData(archive, createMarkdown(), { asOf: asOfDate(env.asOf) }), {
    ...(values.issue ? { issue: values.issue } : {}),
    documents: values.documents,
  });
  const started = performance.now();
  const bar = tasks.length > 1 && process.stdout.isTTY ? new SingleBar({ format: "PDF {bar} {value}/{total} {file}", hideCursor: true }, Presets.shades_classic) : undefined;
  bar?.start(tasks.length, 0, { file: "" });
  const report = (p: PrintedPdf) => {
    const mb = (p.bytes / 1024 / 1024).toFixed(2);
    const s = (p.ms / 1000).toFixed(1);
    const where = path.relative(process.cwd(), p.file);
    const press = p.press ? path.relative(process.cwd(), p.press.file) : "";
    return say({
      zh: `${where}：${p.pages} 页，${mb} MB，${s} 秒` + (p.press ? `\n${press}：${p.press.pages} 页，PDF/X-1a，CMYK（印刷版）` : ""),
      en: `${where}: ${p.pages} pages, ${mb} MB, ${s} s` + (p.press ? `\n${press}: ${p.press.pages} pages, PDF/X-1a, CMYK (press)` : ""),
    });
  };
  const office = resolveOfficeFonts(archive.settings.print?.fonts, contentDir);
  for (const w of office.warnings) console.warn(w);
  const press = values.press ? pressSettings(archive.settings.print?.press, { rightHandStarts: values["right-hand-starts"] }) : undefined;
  const done = await printPdfs(siteDir, tasks, (p) => {
    if (bar) bar.increment(1, { file: p.task.file });
    else console.log(report(p));
  }, pathPrefix, { ...(press ? { press } : {}), ...(values.browser ? { channel: values.browser } : {}), ...(env.chromiumPath ? { chromiumPath: env.chromiumPath } : {}), officeFonts: office.fonts });
  for (const p of done) for (const w of p.warnings ?? []) console.warn(w);
  bar?.stop();
  if (bar) for (const p of done) console.log(report(p));
  const total = ((performance.now() - started) / 1000).toFixed(1);
  const pressCount = done.filter((p) => p.press).length;
  const files = done.length + pressCount;
  console.log(say({
    zh: `已生成 ${files} 个 PDF${pressCount ? `（其中 ${pressCount} 个印刷版）` : ""}，用时 ${total} 秒。`,
    en: `Made ${files} PDF${files === 1 ? "" : "s"}${pressCount ? ` (${pressCount} for the press)` : ""} in ${total} s.`,
  }));
} catch (err) {
  console.error(say({ zh: `npm run pdf 已停止：${explainError(err)}`, en: `npm run pdf stopped: ${explainError(err)}` }));
  process.exit(1);
}

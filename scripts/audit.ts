/**
 * `npm run audit [-- --path-prefix /gazette/] [-- --query 工作要点] [-- --screenshots DIR]`:
 * builds the archive into a temporary folder (with the path prefix, if given), serves it under a
 * strict Content-Security-Policy, makes the PDFs (as `npm run pdf -- --documents` does before
 * publishing, so the PDF links resolve) and reports: html-validate errors, broken links and anchors
 * (linkinator), axe WCAG 2.1 AA violations and CSP violations for each page type at 360 px and
 * 1280 px, and the compressed size of each document page. Exits 1 when anything fails.
 */
import { mkdtemp, mkdir, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  AUDIT_WIDTHS,
  auditPages,
  checkSiteLinks,
  formatHtmlProblems,
  pageWeight,
  samplePages,
  STRICT_CSP,
  validateSiteHtml,
  waitForDocumentLinks,
} from "../src/dev/audit/index.ts";
import { launchChromium, serveStatic } from "../src/browser/index.ts";
import { buildSite } from "../src/build/index.ts";
import { loadArchiveOrThrow } from "../src/content/index.ts";
import { createMarkdown } from "../src/markdown/index.ts";
import { printPdfs, printTasks } from "../src/print/index.ts";
import { buildSiteData } from "../src/site/index.ts";
import { normalizePathPrefix } from "../src/site/site-links.ts";
import { settingsFromEnv } from "./settings.ts";

const { values } = parseArgs({
  options: {
    "path-prefix": { type: "string", default: "/" },
    query: { type: "string", default: "工作要点" },
    content: { type: "string", default: "issues" },
    screenshots: { type: "string" },
  },
});
const prefix = normalizePathPrefix(values["path-prefix"]);
const work = await mkdtemp(path.join(tmpdir(), "gazette-audit-"));
const site = path.join(work, "_site");
let failed = false;
const server = await (async () => {
  const env = settingsFromEnv();
  const built = await buildSite({ contentDir: values.content, outputDir: site, pathPrefix: prefix, ...(env.asOf ? { asOf: env.asOf } : {}) });
  if (!built.ok) {
    console.error(built.error);
    process.exit(1);
  }
  const data = buildSiteData(await loadArchiveOrThrow(path.resolve(values.content)), createMarkdown(), env.asOf ? { asOf: env.asOf } : {});
  await printPdfs(site, printTasks(data, { documents: true }), () => {}, prefix);
  return serveStatic(site, prefix, { "Content-Security-Policy": STRICT_CSP });
})();
const browser = await launchChromium({ executablePath: settingsFromEnv().chromiumPath });
try {
  const html = await validateSiteHtml(site);
  console.log(`html-validate: ${html.files} pages, ${html.errors.length} errors`);
  if (html.errors.length) console.log(formatHtmlProblems(html.errors));
  failed ||= html.errors.length > 0;

  const origin = server.url + prefix.slice(0, -1);
  const links = await checkSiteLinks(server.url, [`${origin}/`, `${origin}/404.html`]);
  console.log(`links: ${links.checked} checked, ${links.broken.length} broken`);
  for (const b of links.broken) console.log(`  ${b.status} ${b.url}  (on ${b.parent})`);
  failed ||= links.broken.length > 0;

  console.log("axe (WCAG 2.1 AA) under CSP:");
  for (const a of await auditPages(browser, origin, await samplePages(site, values.query), AUDIT_WIDTHS)) {
    const problems = [...a.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(", ")}`), ...a.cspViolations.map((c) => `CSP ${c}`), ...a.errors.map((e) => `console: ${e}`)];
    console.log(`  ${a.kind.padEnd(8)} ${String(a.width).padStart(4)} px  axe violations ${a.violations.length}, CSP ${a.cspViolations.length}, errors ${a.errors.length}`);
    for (const p of problems) console.log(`      ${p}`);
    failed ||= problems.length > 0;
  }

  console.log("document pages, gzip -9 HTML + CSS:");
  const docs = (await readdir(site, { recursive: true })).map(String).filter((f) => /^\d{4}\/\d+\/[^/]+\/index\.html$/.test(f)).sort();
  for (const f of docs) {
    const w = await pageWeight(site, f, prefix);
    console.log(`  ${f.padEnd(32)} ${(w.total / 1024).toFixed(1)} KB (HTML ${w.html} B, CSS ${w.css} B), scripts: ${w.scripts.join(" ") || "none"}`);
    failed ||= w.total > 30 * 1024;
  }

  if (values.screenshots) {
    const dir = path.resolve(values.screenshots);
    await mkdir(dir, { recursive: true });
    for (const sample of await samplePages(site, values.query)) {
      for (const [label, viewport, zoom] of [["360", 360, 1], ["1280", 1280, 1], ["1280-zoom200", 640, 2]] as const) {
        // 200 % zoom of a 1280 px window = a 640 CSS px viewport drawn at device scale 2.
        const context = await browser.newContext({ viewport: { width: viewport, height: 800 }, deviceScaleFactor: zoom });
        const page = await context.newPage();
        await page.goto(origin + sample.path);
        if (sample.awaitsResults) await waitForDocumentLinks(page);
        await page.screenshot({ path: path.join(dir, `${sample.kind}-${label}.png`), fullPage: true });
        await context.close();
      }
    }
    console.log(`screenshots in ${dir}`);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
console.log(failed ? "audit: FAILED" : "audit: all checks passed");
process.exit(failed ? 1 : 0);

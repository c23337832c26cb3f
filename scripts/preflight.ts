/**
 * `npm run preflight [-- --issue 2019-02]`: makes the screen and press PDFs of gazette issues and
 * measures them as a print shop's preflight does (src/print/preflight.ts, preflight-press.ts):
 * every GB/T 9704-2012 distance within ± 0.5 mm on 300-dpi renders, 22 lines on full pages,
 * titles broken between words, PDF/X-1a, CMYK only, pages a multiple of 4. `--generated` does it
 * on a generated issue of about 100 pages (tables, 附件, three-line titles, personnel lists) in a
 * temporary folder. Heavy (minutes): not part of `npm test`. Exit status 1 on any finding.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../src/build/index.ts";
import { loadArchiveOrThrow } from "../src/content/index.ts";
import { createMarkdown } from "../src/markdown/index.ts";
import { pressSettings, preflightLayout, preflightPress, preflightTitles, printPdfs, printTasks, writePreflightIssue } from "../src/print/index.ts";
import { buildSiteData } from "../src/site/index.ts";
import { parseCliArgs } from "../src/util/index.ts";

const { values } = parseCliArgs({
  options: {
    issue: { type: "string" },
    generated: { type: "boolean", default: false },
    content: { type: "string", default: "issues" },
  },
}, "npm run preflight [-- --issue YYYY-NN] [--generated] [--content DIR]");

const work = await mkdtemp(path.join(tmpdir(), "gazette-preflight-"));
let failed = false;
try {
  const contentDir = values.generated ? path.join(work, "issues") : path.resolve(values.content);
  const only = values.generated ? await writePreflightIssue(contentDir) : values.issue;
  const out = path.join(work, "_site");
  const built = await buildSite({ contentDir, outputDir: out, search: false });
  if (!built.ok) throw new Error(built.error);
  const archive = await loadArchiveOrThrow(contentDir);
  const site = buildSiteData(archive, createMarkdown());
  const press = pressSettings(archive.settings.print?.press);
  const started = performance.now();
  const printed = await printPdfs(out, printTasks(site, only ? { issue: only } : {}), () => {}, "/", { press });
  console.log(`印刷 ${printed.length} 期，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  for (const pdf of printed) {
    const issue = site.issues.find((i) => pdf.task.view.endsWith(`/${i.key}/`))!;
    const first = Math.min(...Object.values(pdf.starts));
    const skip = Array.from({ length: first - 1 }, (_, i) => i + 1);
    if (pdf.task.backCover) skip.push(pdf.pages);
    const layout = preflightLayout(pdf.file, { documentStarts: Object.values(pdf.starts), skip });
    const titles = preflightTitles(pdf.file, issue.documents, pdf.starts);
    const pressFindings = pdf.press ? preflightPress(pdf.press.file) : [];
    const findings = [...layout.findings, ...titles.findings, ...pressFindings];
    const measured = layout.pages.filter((p) => !skip.includes(p.page));
    const worst = (values: (number | undefined)[], target: number) => Math.max(0, ...values.filter((v): v is number => v !== undefined).map((v) => Math.abs(v - target)));
    console.log(
      `${issue.key}：${pdf.pages} 页（印刷版 ${pdf.press?.pages ?? "—"} 页）；排满 22 行的页 ${measured.filter((p) => p.lines === 22).length} 页；` +
        `最大偏差：行格 ${Math.max(...measured.map((p) => p.offGrid)).toFixed(2)} mm，首行 ${worst(measured.map((p) => p.firstLineTop), 37).toFixed(2)} mm，` +
        `版心外 ${Math.max(0, ...measured.map((p) => p.outside)).toFixed(2)} mm，页码 ${worst(layout.pages.map((p) => p.dashGap), 7).toFixed(2)} mm，红线 ${worst(layout.pages.map((p) => p.redRuleGap), 4).toFixed(2)} mm；多行标题 ${titles.multiLine} 个`,
    );
    for (const f of findings) console.log(`  ${f.page ? `第 ${f.page} 页：` : ""}${f.message}`);
    failed ||= findings.length > 0;
  }
  console.log(failed ? "预检未通过。" : "预检通过：所有距离在 ±0.5 mm 以内。");
} catch (err) {
  console.error((err as Error).message);
  failed = true;
} finally {
  await rm(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

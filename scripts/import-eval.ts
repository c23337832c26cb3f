/**
 * `npm run import-eval`: measures `npm run import` on gazette issues in layouts it was not tuned
 * on, made from real texts (regulations of ../shared/corpus, or GAZETTE_CORPUS, and the sample
 * issue) and printed by Chromium: PDFs from stylesheets other than the test fixtures', their
 * `pdftotext` output and Markdown/OCR text forms. Prints, per issue and in total: documents
 * split, titles/numbers/dates/pages/sections right, wrong values without 待核, share of 待核
 * marks on values that need a look, characters lost or added, page-split paragraphs rejoined,
 * and the time of `npm run import` of a PDF of 40 pages or more in a fresh process (wall, CPU, load).
 * `--only TEXT` measures only the PDF layouts whose name contains TEXT. `--keep DIR` keeps the inputs (PDFs, pdftotext outputs, text forms, expected values) in DIR.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { launchChromium } from "../src/browser/index.ts";
import { importDump, importPdf } from "../src/import/index.ts";
import type { Layout } from "../test/fixtures/import/generator/layout.ts";
import { score, type Score } from "../test/fixtures/import/generator/measure.ts";
import { printLayout, type Expected } from "../test/fixtures/import/generator/print.ts";
import { readArchiveDoc, readRegulation } from "../test/fixtures/import/generator/sources.ts";
import { textForm } from "../test/fixtures/import/generator/text-forms.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const corpus = path.resolve(ROOT, process.env.GAZETTE_CORPUS ?? "../shared/corpus", "山东地方法规");
const regs = readdirSync(corpus).filter((f) => f.endsWith(".md")).map((f) => ({ f, size: statSync(path.join(corpus, f)).size })).sort((a, b) => a.size - b.size || a.f.localeCompare(b.f));
// Regulations not used by the fixtures, from the small end of the corpus.
const pick = (from: number, n: number) => regs.filter((r) => !/罚款限额|菏泽市大气/.test(r.f)).slice(from, from + n).map((r) => path.join(corpus, r.f));
const sample = (slug: string, keep: number) => readArchiveDoc(path.join(ROOT, "issues/2019-02", `${slug}.md`), keep);
const base = { columns: 1, head: "gazette", pageNumber: "bottom", numberStyle: "dash", tocBrackets: true, tocDots: true, newPage: false, titleWidth: "24em", bodySize: "13pt", splitIssuer: false } as const;
const RUSHAN = { gazette: "乳山市人民政府公报", year: 2020, frequency: "季刊", publisher: "乳山市人民政府办公室" };
const PEOPLE = { gazette: "山东省人民代表大会常务委员会公报", year: 2021, frequency: "月刊", publisher: "山东省人民代表大会常务委员会办公厅" };

const layouts: Layout[] = [
  { ...base, ...RUSHAN, name: "eval-two-columns-section-heads", number: 1, columns: 2, head: "odd-section", pageNumber: "top", tocBrackets: false, newPage: true, bodySize: "10.5pt", sections: [{ name: "市政府文件", docs: [sample("rzf-2019-2", 30)] }, { name: "市政府办公室文件", docs: [sample("rzbf-2019-5", 12), sample("rzbf-2019-4", 10)] }] },
  { ...base, ...PEOPLE, name: "eval-regulations-title-heads", number: 2, head: "title", numberStyle: "plain", titleWidth: "13em", bodySize: "12pt", sections: [{ name: "地方性法规", docs: pick(0, 4).map((f) => readRegulation(f, "地方性法规", 14)) }, { name: "人事任免", docs: [sample("renmian", 40)] }] },
  // Outer-corner footers (gazette name and number on one line), no running head, large type, long paragraphs: many page splits.
  { ...base, ...RUSHAN, name: "eval-outer-footers", number: 4, outerFooter: true, bodySize: "14pt", titleWidth: "20em", sections: [{ name: "市政府文件", docs: [sample("rzf-2019-2", 40)] }, { name: "市政府办公室文件", docs: [sample("rzbf-2019-6", 30), sample("rzbf-2019-5", 30)] }] },
  { ...base, ...PEOPLE, name: "eval-forty-pages", number: 3, numberStyle: "di", tocDots: false, sections: [{ name: "地方性法规", docs: pick(4, 14).map((f) => readRegulation(f, "地方性法规", 40)) }] },
];

const keepAt = process.argv.indexOf("--keep");
const keep = keepAt > 0 ? path.resolve(process.argv[keepAt + 1]!) : null;
const out = keep ?? mkdtempSync(path.join(tmpdir(), "import-eval-"));
mkdirSync(out, { recursive: true });
const rows: { name: string; s: Score; ms?: number; pages?: number }[] = [];
const run = async (name: string, expected: Expected, read: () => Promise<Parameters<typeof score>[0]>, pages?: number) => {
  const t0 = performance.now();
  try {
    const result = await read();
    rows.push({ name, s: score(result, expected), ms: performance.now() - t0, ...(pages ? { pages } : {}) });
  } catch (err) {
    console.log(`${name}: not split — ${(err as Error).message}`);
    rows.push({ name, s: { documents: 0, checked: expected.documents.length * 5, right: 0, wrongUnmarked: [], marks: 0, marksNeeded: 0, chars: 0, lost: 0, added: 0, sameOrder: false, split: expected.splitParagraphs.length, rejoined: 0, notRejoined: [], wronglyJoined: [] } });
  }
};
/**
 * Times `npm run import -- <pdf> --dry-run` in a fresh process (module loading included), as an
 * editor runs it: wall and CPU seconds by GNU time, and the load average, since a loaded machine
 * stretches the wall time.
 */
function coldImport(pdf: string, pages: number): string {
  const content = mkdtempSync(path.join(tmpdir(), "import-eval-content-"));
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S", process.execPath, "--import", "tsx", path.join(ROOT, "scripts/import.ts"), pdf, "--dry-run", "--content", content], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  rmSync(content, { recursive: true, force: true });
  const [wall, user, sys] = r.stderr.trim().split("\n").at(-1)!.split(" ").map(Number) as [number, number, number];
  return `npm run import of the ${pages}-page PDF in a fresh process: ${wall.toFixed(1)} s wall, ${(user + sys).toFixed(1)} s CPU (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores${r.status === 0 ? "" : `; exit ${r.status}`}).`;
}
let cold = "";
const browser = await launchChromium();
try {
  const onlyAt = process.argv.indexOf("--only");
  const only = onlyAt > 0 ? process.argv[onlyAt + 1]! : "";
  for (const layout of layouts.filter((l) => l.name.includes(only))) {
    const file = path.join(out, layout.name);
    const expected = await printLayout(browser, layout, file);
    const pdf = readFileSync(`${file}.pdf`);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [`${file}.pdf`], { encoding: "utf8" }))![1]);
    if (pages >= 40) cold = coldImport(`${file}.pdf`, pages);
    await run(`${layout.name}.pdf`, expected, () => importPdf(new Uint8Array(pdf)), pages);
    if (keep) writeFileSync(`${file}.expected.json`, JSON.stringify(expected, null, 1));
    // poppler's two reading modes: plain (reading order, hard-wrapped) and -layout (physical layout, indents kept).
    for (const [form, flags] of [["pdftotext", []], ["pdftotext -layout", ["-layout"]]] as const) {
      const text = execFileSync("pdftotext", [...flags, "-enc", "UTF-8", `${file}.pdf`, "-"], { encoding: "utf8", maxBuffer: 1 << 26 });
      if (keep) writeFileSync(`${file}.${flags.length ? "layout" : "pdftotext"}.txt`, text);
      await run(`${layout.name} (${form})`, expected, async () => importDump(text));
    }
  }
  for (const [form, layout, capacity] of only ? [] : [["markdown", { ...layouts[1]!, head: "section", tocBrackets: false }, 650], ["ocr", { ...layouts[0]!, head: "title", columns: 1 }, 800]] as const) {
    const { text, expected } = textForm(layout as Layout, form, capacity);
    writeFileSync(path.join(out, `${layout.name}.${form}.txt`), text);
    if (keep) writeFileSync(path.join(out, `${layout.name}.${form}.expected.json`), JSON.stringify(expected, null, 1));
    await run(`${layout.name} (${form})`, expected, async () => importDump(text));
  }
} finally {
  await browser.close();
}
const sum = (k: keyof Score) => rows.reduce((n, r) => n + (r.s[k] as number), 0);
console.log("\n| issue | docs | fields right | wrong without 待核 | 待核 needed/marks | chars lost/added | order | rejoined | wrongly joined | time |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const { name, s, ms, pages } of rows) {
  console.log(`| ${name} | ${s.documents} | ${s.right}/${s.checked} | ${s.wrongUnmarked.length} | ${s.marksNeeded}/${s.marks} | ${s.lost}/${s.added} | ${s.sameOrder ? "same" : "differs"} | ${s.rejoined}/${s.split} | ${s.wronglyJoined.length} | ${ms ? `${(ms / 1000).toFixed(1)} s${pages ? ` (${pages} pages)` : ""}` : ""} |`);
  for (const w of s.wrongUnmarked) console.log(`|  | wrong: ${w} |`);
  for (const w of s.notRejoined) console.log(`|  | not rejoined: ${w} |`);
  for (const w of s.wronglyJoined) console.log(`|  | wrongly joined: ${w} |`);
}
console.log(`\nTotal: fields right ${sum("right")}/${sum("checked")}; wrong without 待核 ${rows.reduce((n, r) => n + r.s.wrongUnmarked.length, 0)}; 待核 on values that need a look ${sum("marksNeeded")}/${sum("marks")} (${((100 * sum("marksNeeded")) / Math.max(1, sum("marks"))).toFixed(0)} %); characters lost ${sum("lost")}, added ${sum("added")} of ${sum("chars")}; page-split paragraphs rejoined ${sum("rejoined")}/${sum("split")} (${((100 * sum("rejoined")) / Math.max(1, sum("split"))).toFixed(1)} %); printed paragraphs wrongly joined ${rows.reduce((n, r) => n + r.s.wronglyJoined.length, 0)}.`);
if (cold) console.log(cold);
if (!keep) rmSync(out, { recursive: true, force: true });

/**
 * Benchmark of the change history read from git (`readGitHistory`) and of citation finding
 * (`findCitations`) at archive scale: makes a temporary git repository of N generated documents
 * (default 20,000) in 200 gazette issues, three commits (all added, 1 % corrected, 1 % corrected
 * again), then times the public history (one `git log` pass, one `git cat-file --batch` pass for
 * the versions' texts, the revisions described), and the citation scan of every body.
 * Usage: npx tsx scripts/bench/history.ts [--docs 20000] [--keep]
 * Prints a JSON line of figures (ms, MB). Generated text only: it never reads ../shared.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { findCitations, readGitHistory } from "../../src/relations/index.ts";

const run = promisify(execFile);
const { values } = parseArgs({ options: { docs: { type: "string", default: "20000" }, keep: { type: "boolean", default: false } } });
const docs = Number(values.docs);
const dir = await mkdtemp(path.join(tmpdir(), "gazette-bench-history-"));
const env = { ...process.env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.org", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.org" };
const git = (args: string[], date: string) => run("git", args, { cwd: dir, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, maxBuffer: 1 << 28 });

const perIssue = Math.ceil(docs / 200);
const body = (i: number) =>
  `为落实《通知》（测政发〔${2000 + (i % 20)}〕${(i % 97) + 1}号）和鲁政办发[2018]4号要求，现印发第${i}号文件。联系电话：0631-6652345，2019年4月10日。\n`.repeat(20);
const files: string[] = [];
for (let i = 0; i < docs; i++) {
  const issue = `${2000 + Math.floor(i / perIssue / 4)}-${String((Math.floor(i / perIssue) % 4) + 1).padStart(2, "0")}`;
  const file = `issues/${issue}/doc-${i}.md`;
  files.push(file);
  await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
  await writeFile(path.join(dir, file), `---\ntitle: "文件${i}"\npublication: public\n---\n\n${body(i)}`);
}
await git(["init", "-q", "-b", "main"], "2020-01-01T00:00:00+08:00");
await git(["add", "."], "2020-01-01T00:00:00+08:00");
await git(["commit", "-q", "-m", "收录"], "2020-01-01T00:00:00+08:00");
for (const [n, date] of [[1, "2021-01-01T00:00:00+08:00"], [2, "2022-01-01T00:00:00+08:00"]] as const) {
  for (let i = n; i < docs; i += 100) await writeFile(path.join(dir, files[i]!), `---\ntitle: "文件${i}"\npublication: public\n---\n\n${body(i)}更正${n}。\n`);
  await git(["commit", "-q", "-am", `更正${n}`], date);
}

const heap0 = process.memoryUsage().heapUsed;
let t = performance.now();
const history = await readGitHistory(path.join(dir, "issues"));
const historyMs = performance.now() - t;
const heapMB = (process.memoryUsage().heapUsed - heap0) / 1e6;
if (!history.available) throw new Error(`history unavailable: ${history.reason}`);
const changes = [...history.files.values()].reduce((n, h) => n + h.revisions.length, 0);

t = performance.now();
let citations = 0;
for (let i = 0; i < docs; i++) citations += findCitations(body(i), ["测政发"]).length;
const citeMs = performance.now() - t;

console.log(JSON.stringify({ docs, files: history.files.size, changes, gitLogAndParseMs: Math.round(historyMs), historyHeapMB: Number(heapMB.toFixed(1)), citations, citationScanMs: Math.round(citeMs), bodyKB: Math.round(Buffer.byteLength(body(0)) / 1024) }));
if (values.keep) console.log(`kept ${dir}`);
else await rm(dir, { recursive: true, force: true });

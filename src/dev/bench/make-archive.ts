import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { EVAL_ISSUERS, EVAL_SECTIONS, type CorpusText } from "../search-eval/index.ts";

/**
 * Issuers of the benchmark gazette with their 机关代字 and section: those of the search
 * evaluation's archive without its two late additions (乳自然资发, 乳应急发), so benchmark archives
 * stay the same as the ones already measured.
 */
const ISSUERS = EVAL_ISSUERS.filter((i) => i.prefix !== "乳自然资发" && i.prefix !== "乳应急发");
const SECTIONS = EVAL_SECTIONS;
/** Issues a year and the 刊期 they stand for. */
const FREQUENCIES = [
  { perYear: 4, label: "季刊" },
  { perYear: 12, label: "月刊" },
  { perYear: 24, label: "半月刊" },
  { perYear: 36, label: "旬刊" },
] as const;
/** The last year of a benchmark archive; earlier years are filled backwards from it. */
export const BENCH_LAST_YEAR = 2025;

/** One planned issue of a benchmark archive. */
export interface BenchIssue {
  key: string;
  year: number;
  number: number;
  /** Documents in the issue (10 to 25, fewer in the last one when the count runs out). */
  documents: number;
}

/** The shape of a benchmark archive: its issues, oldest first, and the 刊期. */
export interface BenchLayout {
  frequency: string;
  perYear: number;
  issues: BenchIssue[];
}

function seeded(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

/**
 * Plans a benchmark archive of `count` documents like a long-running gazette: 10 to 25
 * documents an issue (seeded, the same on every machine), as many issues a year as needed to
 * span about 30 years (季刊, 月刊, 半月刊 or 旬刊), ending in {@link BENCH_LAST_YEAR}.
 * @throws Error when `count` is not a whole number ≥ 1.
 */
export function planBenchArchive(count: number): BenchLayout {
  if (!Number.isInteger(count) || count < 1) throw new Error(`the archive size must be a whole number of documents, got ${count}`);
  const needed = Math.ceil(count / 17.5 / 30);
  const freq = FREQUENCIES.find((f) => f.perYear >= needed) ?? FREQUENCIES[FREQUENCIES.length - 1]!;
  const next = seeded(count);
  const sizes: number[] = [];
  for (let left = count; left > 0; ) {
    const n = Math.min(left, 10 + next(16));
    sizes.push(n);
    left -= n;
  }
  const firstYear = BENCH_LAST_YEAR - Math.ceil(sizes.length / freq.perYear) + 1;
  const issues = sizes.map((documents, i) => {
    const year = firstYear + Math.floor(i / freq.perYear);
    const number = (i % freq.perYear) + 1;
    return { key: `${year}-${String(number).padStart(2, "0")}`, year, number, documents };
  });
  return { frequency: freq.label, perYear: freq.perYear, issues };
}

/** The issue an editor would add next: the next number of the last year (or number 1 of the next year). */
export function nextBenchIssue(layout: BenchLayout, documents = 18): BenchIssue {
  const last = layout.issues.at(-1)!;
  const year = last.number >= layout.perYear ? last.year + 1 : last.year;
  const number = last.number >= layout.perYear ? 1 : last.number + 1;
  return { key: `${year}-${String(number).padStart(2, "0")}`, year, number, documents };
}

/** The document number the benchmark archive gives its `n`-th document (0-based, oldest first), as `writeBenchIssue` writes it. */
export function benchDocNumber(layout: BenchLayout, n: number): string {
  let first = 0;
  for (const issue of layout.issues) {
    if (n < first + issue.documents) {
      const d = n - first;
      return `${ISSUERS[n % ISSUERS.length]!.prefix}〔${issue.year}〕${issue.number * 100 + d + 1}号`;
    }
    first += issue.documents;
  }
  throw new Error(`the archive has ${first} documents, no document ${n}`);
}

/** Month (1–12) an issue of the layout covers. */
function issueMonth(issue: BenchIssue, perYear: number): number {
  return Math.floor(((issue.number - 1) * 12) / perYear) + 1;
}

/**
 * Writes one issue folder: `issue.yml` and `wj-NN.md` documents whose text is taken in turn from
 * `texts` (copied unchanged, the corpus text reused when the archive is larger than the corpus),
 * with generated front matter: the corpus title, a document number counted per series and
 * issue, issuer and section dealt in turn, a date in the issue's month, one document in 97
 * `on-request` and one in 211 `withheld` (never published, never indexed).
 * @param first index of the issue's first document in the whole archive (picks the texts).
 */
export async function writeBenchIssue(dir: string, issue: BenchIssue, layout: Pick<BenchLayout, "frequency" | "perYear">, texts: readonly CorpusText[], first: number): Promise<void> {
  const folder = path.join(dir, issue.key);
  await mkdir(folder, { recursive: true });
  const month = String(issueMonth(issue, layout.perYear)).padStart(2, "0");
  const meta = [
    "gazette: 乳山市人民政府公报",
    `year: ${issue.year}`,
    `number: ${issue.number}`,
    `published: ${issue.year}-${month}-28`,
    `frequency: ${layout.frequency}`,
    "publisher: 乳山市人民政府办公室",
    "sections:",
    ...SECTIONS.map((s) => `  - ${s}`),
  ];
  await writeFile(path.join(folder, "issue.yml"), `${meta.join("\n")}\n`);
  for (let d = 0; d < issue.documents; d++) {
    const n = first + d;
    const text = texts[n % texts.length]!;
    const issuer = ISSUERS[n % ISSUERS.length]!;
    const serial = issue.number * 100 + d + 1;
    const publication = n % 211 === 210 ? "withheld" : n % 97 === 96 ? "on-request" : "public";
    const fm = [
      "---",
      `title: ${JSON.stringify(text.title)}`,
      `docNumber: ${JSON.stringify(`${issuer.prefix}〔${issue.year}〕${serial}号`)}`,
      `issuer: ${JSON.stringify(issuer.issuers)}`,
      `date: ${issue.year}-${month}-${String(1 + (d % 27)).padStart(2, "0")}`,
      `publication: ${publication}`,
      `section: ${JSON.stringify(issuer.section)}`,
      `page: ${d * 3 + 1}`,
      "---",
      "",
    ];
    await writeFile(path.join(folder, `wj-${String(d + 1).padStart(2, "0")}.md`), `${fm.join("\n")}${text.body}\n`);
  }
}

/**
 * Writes a whole benchmark archive to `dir` (`archive.yml` and every issue folder of the layout).
 * @returns the layout written.
 */
export async function writeBenchArchive(dir: string, count: number, texts: readonly CorpusText[]): Promise<BenchLayout> {
  const layout = planBenchArchive(count);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "archive.yml"), "title: 乳山市人民政府公报\npublisher: 乳山市人民政府办公室\nlang: zh-CN\n");
  let first = 0;
  for (const issue of layout.issues) {
    await writeBenchIssue(dir, issue, layout, texts, first);
    first += issue.documents;
  }
  return layout;
}

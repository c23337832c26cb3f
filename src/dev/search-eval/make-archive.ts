import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CorpusText } from "./corpus.ts";

/** An issuer of the generated archive with its 机关代字 and the section its documents go to. */
export interface EvalIssuer {
  issuers: string[];
  prefix: string;
  section: string;
}

/** Issuers of the generated gazette (乳山市), in the order documents are dealt to them; one joint. */
export const EVAL_ISSUERS: EvalIssuer[] = [
  { issuers: ["乳山市人民政府"], prefix: "乳政发", section: "市政府文件" },
  { issuers: ["乳山市人民政府办公室"], prefix: "乳政办发", section: "市政府办公室文件" },
  { issuers: ["乳山市财政局"], prefix: "乳财发", section: "部门文件" },
  { issuers: ["乳山市人民政府办公室"], prefix: "乳政办字", section: "市政府办公室文件" },
  { issuers: ["乳山市教育和体育局"], prefix: "乳教体发", section: "部门文件" },
  { issuers: ["乳山市卫生健康局"], prefix: "乳卫健发", section: "部门文件" },
  { issuers: ["乳山市自然资源局"], prefix: "乳自然资发", section: "部门文件" },
  { issuers: ["乳山市财政局", "乳山市人力资源和社会保障局"], prefix: "乳财发", section: "部门文件" },
  { issuers: ["乳山市应急管理局"], prefix: "乳应急发", section: "部门文件" },
];

/** Sections of the generated gazette, in printed order. */
export const EVAL_SECTIONS = ["市政府文件", "市政府办公室文件", "部门文件"];

/** One document of the generated archive. */
export interface EvalDocument {
  /** Corpus id of the text. */
  id: string;
  /** Site URL, `/<year>/<number>/<slug>/`. */
  url: string;
  title: string;
  docNumber: string;
  issuers: string[];
  date: string;
  /** Folder of the gazette issue, `YYYY-NN`. */
  issueKey: string;
}

/**
 * Chooses the texts of the evaluation archive: every text the query set names, then texts spread
 * evenly over the corpus until `size` are chosen. Deterministic for a given corpus.
 */
export function chooseTexts(texts: readonly CorpusText[], named: ReadonlySet<string>, size: number): CorpusText[] {
  const chosen = new Map<string, CorpusText>();
  for (const t of texts) if (named.has(t.id)) chosen.set(t.id, t);
  const wanted = Math.max(0, size - chosen.size);
  for (let i = 0; i < wanted; i++) {
    const t = texts[Math.floor((i * texts.length) / wanted)];
    if (t && chosen.size < size) chosen.set(t.id, t);
  }
  for (const t of texts) if (chosen.size < size) chosen.set(t.id, t);
  return [...chosen.values()];
}

/**
 * Wraps texts into a generated gazette archive (乳山市人民政府公报, quarterly issues of each year)
 * written to `dir`: `archive.yml`, `<YYYY-NN>/issue.yml` and one Markdown document per text, with
 * front matter generated (title and date from the corpus file; issuer and document number dealt
 * from {@link EVAL_ISSUERS}, serials counted per series and year in date order). The text itself
 * is copied unchanged.
 * @returns the generated documents.
 */
export async function writeEvalArchive(texts: readonly CorpusText[], dir: string): Promise<EvalDocument[]> {
  const sorted = [...texts].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const serials = new Map<string, number>();
  const docs: (EvalDocument & { section: string; body: string; slug: string })[] = sorted.map((t, i) => {
    const issuer = EVAL_ISSUERS[i % EVAL_ISSUERS.length]!;
    const year = Number(t.date.slice(0, 4));
    const quarter = Math.floor((Number(t.date.slice(5, 7)) - 1) / 3) + 1;
    const seriesKey = `${issuer.prefix}${year}`;
    const serial = (serials.get(seriesKey) ?? 0) + 1;
    serials.set(seriesKey, serial);
    const issueKey = `${year}-${String(quarter).padStart(2, "0")}`;
    const slug = `doc-${String(i + 1).padStart(4, "0")}`;
    return {
      id: t.id,
      url: `/${year}/${quarter}/${slug}/`,
      title: t.title,
      docNumber: `${issuer.prefix}〔${year}〕${serial}号`,
      issuers: issuer.issuers,
      date: t.date,
      issueKey,
      section: issuer.section,
      body: t.body,
      slug,
    };
  });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "archive.yml"), "title: 乳山市人民政府公报\npublisher: 乳山市人民政府办公室\nlang: zh-CN\n");
  for (const key of new Set(docs.map((d) => d.issueKey))) {
    const [year, number] = key.split("-");
    await mkdir(path.join(dir, key), { recursive: true });
    const issue = ["gazette: 乳山市人民政府公报", `year: ${year}`, `number: ${Number(number)}`, "frequency: 季刊", "publisher: 乳山市人民政府办公室", "sections:", ...EVAL_SECTIONS.map((s) => `  - ${s}`)];
    await writeFile(path.join(dir, key, "issue.yml"), `${issue.join("\n")}\n`);
  }
  for (const d of docs) {
    const fm = [
      "---",
      `title: ${JSON.stringify(d.title)}`,
      `docNumber: ${JSON.stringify(d.docNumber)}`,
      `issuer: ${JSON.stringify(d.issuers)}`,
      `date: ${d.date}`,
      "publication: public",
      `section: ${JSON.stringify(d.section)}`,
      "---",
      "",
    ];
    await writeFile(path.join(dir, d.issueKey, `${d.slug}.md`), `${fm.join("\n")}${d.body}\n`);
  }
  return docs.map(({ id, url, title, docNumber, issuers, date, issueKey }) => ({ id, url, title, docNumber, issuers, date, issueKey }));
}

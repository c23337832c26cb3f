import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** One source text for the evaluation archive. */
export interface CorpusText {
  /** Stable id: path inside the corpus folder, e.g. `行政法规/城市供水条例(2020-03-27).md`, or `generated/0007`. */
  id: string;
  title: string;
  /** `YYYY-MM-DD` from the file name. */
  date: string;
  /** Markdown body (the text after `<!-- INFO END -->`). */
  body: string;
}

const FILE_NAME = /^(.+)\((\d{4}-\d{2}-\d{2})\)\.md$/u;

/**
 * Reads the corpus of real regulations (`../shared/corpus/`, see its README: files
 * `标题(YYYY-MM-DD).md`, a `# 标题` line, history lines, `<!-- INFO END -->`, then the text).
 * @returns texts sorted by id, or null when the folder does not exist.
 * @throws Error naming the file when a file does not have the documented form.
 */
export async function readCorpus(dir: string): Promise<CorpusText[] | null> {
  let folders: string[];
  try {
    folders = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const texts: CorpusText[] = [];
  for (const folder of folders.sort()) {
    for (const name of (await readdir(path.join(dir, folder))).sort()) {
      const m = FILE_NAME.exec(name);
      if (!m) continue;
      const file = path.join(dir, folder, name);
      const text = await readFile(file, "utf8");
      const heading = /^# (.+)$/mu.exec(text);
      const marker = text.indexOf("<!-- INFO END -->");
      if (!heading || marker < 0) throw new Error(`${file}: expected a "# 标题" line and <!-- INFO END --> (see the corpus README)`);
      texts.push({ id: `${folder}/${name}`, title: heading[1]!.trim(), date: m[2]!, body: text.slice(marker + "<!-- INFO END -->".length).trim() });
    }
  }
  return texts;
}

const WORDS = ["管理", "规定", "城市", "供水", "安全", "生产", "监督", "检查", "环境", "保护", "公共", "服务", "农业", "技术", "推广", "交通", "运输", "道路", "卫生", "健康", "教育", "培训", "财政", "资金", "审计", "土地", "资源", "规划", "建设", "工程", "质量", "标准", "市场", "价格", "消费者", "权益", "文化", "旅游", "森林", "防火", "水利", "河道", "港口", "海域", "渔业", "气象", "灾害", "应急", "救助", "社会", "保险"];

/**
 * Deterministic generated texts where the real corpus is missing: titles `XX管理办法` and
 * articles built from a fixed vocabulary with a seeded generator (same output on every machine).
 */
export function generateCorpus(count: number): CorpusText[] {
  let seed = 20190402;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const word = () => WORDS[next(WORDS.length)]!;
  const texts: CorpusText[] = [];
  for (let i = 0; i < count; i++) {
    const topic = `${word()}${word()}`;
    const articles = Array.from({ length: 4 + next(8) }, (_, a) => `第${a + 1}条 为了加强${topic}${word()}，${word()}${word()}部门应当依法${word()}${word()}，做好${word()}${word()}工作。`);
    const year = 1990 + next(34);
    const date = `${year}-${String(1 + next(12)).padStart(2, "0")}-${String(1 + next(28)).padStart(2, "0")}`;
    texts.push({ id: `generated/${String(i).padStart(4, "0")}`, title: `${topic}管理办法`, date, body: articles.join("\n\n") });
  }
  return texts;
}

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { archiveGazette, latestIssueInfo } from "./latest-issue.ts";
import { pathExists } from "../util/index.ts";
import { EditorError } from "../i18n/index.ts";
import { BODY_PLACEHOLDERS } from "../content/checks/index.ts";

/** Options of {@link scaffoldIssue}. */
export interface ScaffoldOptions {
  /** Content folder (default `issues`). */
  contentDir?: string;
  year: number;
  number: number;
}

/**
 * `npm run new`: creates `<contentDir>/<YYYY-NN>/` with `issue.yml` (year and number given;
 * gazette, frequency, publisher and sections taken from the latest issue; without one, the
 * gazette's name is `archive.yml`'s `title`, which the check requires, and its `publisher` is
 * offered marked `# 待核`) and one document
 * template `wenjian-1.md` whose placeholders `npm run check` reports until they are filled in
 * (an empty title, a `# 待核` marker on each guessed field).
 * @returns the paths written, relative to `contentDir`.
 * @throws Error when year or number is out of range, or when the folder exists (nothing is
 *   overwritten).
 */
export async function scaffoldIssue(options: ScaffoldOptions): Promise<string[]> {
  const contentDir = options.contentDir ?? "issues";
  const { year, number } = options;
  if (!Number.isInteger(year) || year < 1949 || year > 2999) throw new EditorError({ zh: `--year 应为年份（1949–2999），如 2019，现为 ${year}`, en: `--year must be a year like 2019, got ${year}` });
  if (!Number.isInteger(number) || number < 1 || number > 99) throw new EditorError({ zh: `--number 应为期号（1–99），如 3，现为 ${number}`, en: `--number must be an issue number like 3, got ${number}` });
  const folder = `${year}-${String(number).padStart(2, "0")}`;
  const dir = path.join(contentDir, folder);
  if (await pathExists(dir)) throw new EditorError({ zh: `${dir}/ 已经存在；npm run new 从不覆盖已有内容。请直接编辑它，或换一个 --number`, en: `${dir}/ exists already; npm run new never overwrites. Edit it, or choose another --number.` });
  const latest = await latestIssueInfo(contentDir);
  const q = (v: unknown) => stringify(v, { defaultStringType: "QUOTE_DOUBLE", collectionStyle: "flow", lineWidth: 0 }).trim();
  const mark = latest ? "" : "  # 待核：没有上一期可参照，请填写";
  const settings = latest ? null : archiveGazette(contentDir);
  const sections = latest?.issue.sections ?? ["待定"];
  const gazette = latest ? `${q(latest.issue.gazette)}` : settings?.title ? `${q(settings.title)}  # 取自 archive.yml 的 title（一个网站只收一种公报）` : `${q("待填")}${mark}`;
  const publisher = latest ? q(latest.issue.publisher) : settings?.publisher ? `${q(settings.publisher)}  # 待核：取自 archive.yml 的 publisher，请按封面核对` : `${q("待填")}${mark}`;
  const issueYml = [
    `gazette: ${gazette}`,
    `year: ${year}`,
    `number: ${number}`,
    `# published: ${year}-01-01   出版日期：知道时去掉行首的 # 并填写`,
    `frequency: ${q(latest?.issue.frequency ?? "待填")}${mark}`,
    `publisher: ${publisher}`,
    "sections:",
    ...sections.map((s) => `  - ${q(s)}`),
    "",
  ].join("\n");
  const doc = [
    "---",
    'title: ""                     # 标题：按目录填写发文机关＋标题',
    `docNumber: "〔${year}〕号"  # 待核：发文字号，如 乳政发〔${year}〕2号；没有文号时删去这一行`,
    `issuer: ${q(latest?.issue.publisher ?? settings?.publisher ?? "待填")}  # 待核：发文机关`,
    `date: ${year}-01-01  # 待核：成文日期（署名下的日期）`,
    "# 公开方式：核对后改为 public（主动公开）/ on-request（依申请公开）/ withheld（不予公开）",
    "publication: draft",
    `section: ${q(sections[0])}  # 待核：栏目，须为 issue.yml 中的栏目之一`,
    "page: 1  # 待核：原刊页码",
    "---",
    "",
    "::: addressee",
    "",
    BODY_PLACEHOLDERS.addressee,
    "",
    ":::",
    "",
    BODY_PLACEHOLDERS.text,
    "",
    "::: signature",
    "",
    BODY_PLACEHOLDERS.signature,
    "",
    `${year}年1月1日`,
    "",
    ":::",
    "",
  ].join("\n");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "issue.yml"), issueYml, { flag: "wx" });
  await writeFile(path.join(dir, "wenjian-1.md"), doc, { flag: "wx" });
  return [`${folder}/issue.yml`, `${folder}/wenjian-1.md`];
}

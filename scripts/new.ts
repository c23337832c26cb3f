/**
 * `npm run new -- --year 2019 --number 3 [--content issues]`: scaffolds a gazette issue folder
 * (issue.yml prefilled from the latest issue, one document template). Never overwrites.
 */
import { explainError } from "../src/build/explain-error.ts";
import { scaffoldIssue } from "../src/scaffold/index.ts";
import { EditorError, say } from "../src/i18n/index.ts";
import { parseCliArgs } from "../src/util/index.ts";

try {
  const { values } = parseCliArgs({ options: { year: { type: "string" }, number: { type: "string" }, content: { type: "string", default: "issues" } } }, "npm run new -- --year 年份 --number 期号 [--content 内容文件夹]");
  if (!values.year || !values.number) throw new EditorError({ zh: "请给出年份和期号：npm run new -- --year 2019 --number 3", en: "give the year and number: npm run new -- --year 2019 --number 3" });
  if (!/^\d+$/.test(values.year)) throw new EditorError({ zh: `--year 应为年份，如 2019，现为“${values.year}”`, en: `--year must be a year like 2019, got "${values.year}"` });
  if (!/^\d+$/.test(values.number)) throw new EditorError({ zh: `--number 应为期号，如 3，现为“${values.number}”`, en: `--number must be an issue number like 3, got "${values.number}"` });
  const written = await scaffoldIssue({ contentDir: values.content, year: Number(values.year), number: Number(values.number) });
  const list = written.map((w) => `${values.content}/${w}`);
  console.log(say({ zh: `已新建 ${list.join("、")}。\n请填写标有 # 待核 的各项（npm run check 会逐项列出），每件文件建一个 .md 文件，然后运行 npm run check。`, en: `Created ${list.join(", ")}.\nFill in the fields marked # 待核 (npm run check lists them), add one .md file per document, then run npm run check.` }));
} catch (err) {
  console.error(say({ zh: `npm run new 已停止，没有覆盖任何内容：${explainError(err)}`, en: `npm run new stopped, nothing was overwritten: ${explainError(err)}` }));
  process.exitCode = 1;
}

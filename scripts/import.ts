/**
 * `npm run import -- <dump.md> [--year Y --number N] [--content issues] [--dry-run]`: splits the
 * text of a whole printed gazette issue into `issues/<YYYY-NN>/` (issue.yml, one Markdown file
 * per document, _editors-note.md), prints a summary table and the findings of the new folder.
 * Refuses to overwrite an existing gazette issue. Never prints a stack trace.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { explainError } from "../src/build/explain-error.ts";
import { formatFindings, loadArchive } from "../src/content/index.ts";
import { formatSummaryTable, importDump, writeImport } from "../src/import/index.ts";
import { latestIssueInfo } from "../src/scaffold/index.ts";
import { EditorError, say } from "../src/i18n/index.ts";
import { parseCliArgs } from "../src/util/index.ts";

try {
  const { values, positionals } = parseCliArgs({
    allowPositionals: true,
    options: { year: { type: "string" }, number: { type: "string" }, content: { type: "string", default: "issues" }, "dry-run": { type: "boolean", default: false } },
  }, "npm run import -- <dump.md> [--year Y --number N] [--dry-run] (see README)");
  const dump = positionals[0];
  if (!dump) throw new EditorError({ zh: "请给出要导入的文字稿：npm run import -- 文字稿.md [--year 2019 --number 2]", en: "name the dump to import: npm run import -- path/to/dump.md [--year 2019 --number 2]" });
  const toInt = (v: string | undefined, what: string) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new EditorError({ zh: `--${what} 应为整数，现为“${v}”`, en: `--${what} must be a whole number, got "${v}"` });
    return Number(v);
  };
  const latest = await latestIssueInfo(values.content);
  const year = toInt(values.year, "year");
  const number = toInt(values.number, "number");
  const result = importDump(await readFile(dump, "utf8"), {
    ...(year === undefined ? {} : { year }),
    ...(number === undefined ? {} : { number }),
    ...(latest ? { latest: latest.issue, knownIssuers: latest.issuers } : {}),
    dumpName: path.basename(dump),
  });
  if (values["dry-run"]) {
    console.log(formatSummaryTable(result));
    console.log(say({ zh: `\n试运行：没有写入任何文件（正式导入时会新建 ${values.content}/${result.folder}/）。`, en: `\nDry run: nothing written (would create ${values.content}/${result.folder}/).` }));
  } else {
    const dir = await writeImport(result, values.content);
    console.log(formatSummaryTable(result));
    const count = Object.keys(result.files).length;
    console.log(say({ zh: `\n已写入 ${count} 个文件到 ${dir}/（每处改动见 _editors-note.md）。`, en: `\nWrote ${count} files to ${dir}/ (see _editors-note.md for every change).` }));
    const { findings } = await loadArchive(values.content);
    const mine = findings.filter((f) => f.file.startsWith(path.relative(process.cwd(), dir)));
    if (mine.length > 0) console.log(`${say({ zh: "\n发布前需要核对（npm run check）：", en: "\nTo check before publication (npm run check):" })}\n${formatFindings(mine)}`);
  }
} catch (err) {
  console.error(say({ zh: `导入已停止，没有写入任何文件：${explainError(err)}`, en: `Import stopped, nothing was written: ${explainError(err)}` }));
  process.exitCode = 1;
}

/**
 * `npm run import -- <issue.pdf | dump.md | dump.txt> [--year Y --number N] [--content issues] [--dry-run]`:
 * imports a whole printed gazette issue — a born-digital PDF (read with pdf.js, kept as
 * original.pdf) or a text dump (PDF-to-Markdown, OCR text, pdftotext output) — into
 * `issues/<YYYY-NN>/` (issue.yml, one Markdown file per document, _editors-note.md, _review.md).
 * `npm run import -- <doc.docx> --issue 2024-01 [--section 栏目]`: one document sent as Word into
 * an existing issue. Prints a summary table, the review sheet (every inferred field with its
 * evidence) and the findings of `npm run check` for the new files. Never overwrites. Never
 * prints a stack trace.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { explainError } from "../src/build/explain-error.ts";
import { formatFindings, loadArchive } from "../src/content/index.ts";
import { issueMetadata } from "../src/content/schema.ts";
import { formatSummaryTable, ImportError, importDump, importPdf, refuseExistingIssue, writeImport } from "../src/import/index.ts";
import { importDocx } from "../src/import/import-docx.ts";
import { latestIssueInfo } from "../src/scaffold/index.ts";
import { parseCliArgs, pathExists, readTextIfExists } from "../src/util/index.ts";

try {
  const { values, positionals } = parseCliArgs({
    allowPositionals: true,
    options: { year: { type: "string" }, number: { type: "string" }, issue: { type: "string" }, section: { type: "string" }, content: { type: "string", default: "issues" }, "dry-run": { type: "boolean", default: false } },
  }, "npm run import -- <公报.pdf|底本.md|底本.txt> [--year 年份 --number 期号] [--dry-run]，或 npm run import -- <文件.docx> --issue YYYY-NN [--section 栏目]（详见 issues/README.md“方法二：导入整期公报”）");
  const input = positionals[0];
  if (!input) throw new ImportError("请给出要导入的文件：npm run import -- 公报.pdf（或底本 .md/.txt），Word 文件：npm run import -- 文件.docx --issue 2024-01");
  const toInt = (v: string | undefined, what: string) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new ImportError(`--${what} 应为整数，而不是“${v}”`);
    return Number(v);
  };
  const settings = parse((await readTextIfExists(path.join(values.content, "archive.yml"))) ?? "{}") as { issuers?: unknown } | null;
  const listed = Array.isArray(settings?.issuers) ? settings.issuers.filter((x): x is string => typeof x === "string") : [];
  const latest = await latestIssueInfo(values.content);
  const knownIssuers = [...new Set([...listed, ...(latest?.issuers ?? [])])];
  const ext = path.extname(input).toLowerCase();
  if (ext === ".docx" || ext === ".doc") {
    if (ext === ".doc") throw new ImportError("只能导入 .docx 格式；请先用 Word 或 WPS 把该文件另存为 .docx。");
    if (!values.issue) throw new ImportError("导入 Word 文件要指明放入哪一期：npm run import -- 文件.docx --issue 2024-01");
    const dir = path.join(values.content, values.issue);
    const yml = await readTextIfExists(path.join(dir, "issue.yml"));
    const meta = yml === null ? null : issueMetadata.safeParse(parse(yml));
    if (!meta || !meta.success) throw new ImportError(`${dir}/issue.yml 不存在或有误；请先用 npm run new -- --year … --number … 建立这一期。`);
    const { document, review } = await importDocx(await readFile(input), { issue: meta.data, knownIssuers, fileName: path.basename(input), ...(values.section ? { section: values.section } : {}) });
    const file = path.join(dir, `${document.slug}.md`);
    if (!values["dry-run"] && (await pathExists(file))) throw new ImportError(`${file} 已经存在；导入程序从不覆盖。请先改名或删除该文件。`);
    console.log(review);
    if (values["dry-run"]) console.log(`\n试运行：未写入任何文件（将写入 ${file}）。`);
    else {
      await writeFile(file, document.text, { flag: "wx" });
      await writeFile(path.join(dir, `_review-${document.slug}.md`), review + "\n");
      console.log(`\n已写入 ${file}（核对单：${path.join(dir, `_review-${document.slug}.md`)}）。`);
      await printFindings(values.content, file);
    }
  } else {
    const year = toInt(values.year, "year");
    const number = toInt(values.number, "number");
    const options = {
      ...(year === undefined ? {} : { year }),
      ...(number === undefined ? {} : { number }),
      ...(latest ? { latest: latest.issue } : {}),
      knownIssuers,
      dumpName: path.basename(input),
    };
    const result = ext === ".pdf" ? await importPdf(new Uint8Array(await readFile(input)), options) : importDump(await readFile(input, "utf8"), options);
    // Refused before anything is printed: the review sheet of an import that will not be written misleads.
    if (!values["dry-run"]) await refuseExistingIssue(result.folder, values.content);
    console.log(formatSummaryTable(result));
    console.log(`\n${result.files["_review.md"]}`);
    if (values["dry-run"]) console.log(`\n试运行：未写入任何文件（将建立 ${values.content}/${result.folder}/）。`);
    else {
      const dir = await writeImport(result, values.content);
      console.log(`\n已写入 ${Object.keys(result.files).length + Object.keys(result.binaryFiles ?? {}).length} 个文件到 ${dir}/（每项改动见 _editors-note.md，核对单见 _review.md）。`);
      await printFindings(values.content, dir);
    }
  }
} catch (err) {
  console.error(`导入已停止，未写入任何文件：${explainError(err)}`);
  process.exitCode = 1;
}

/** Prints the findings of npm run check for the files just written. */
async function printFindings(content: string, written: string): Promise<void> {
  const { findings } = await loadArchive(content);
  const mine = findings.filter((f) => f.file.startsWith(path.relative(process.cwd(), written)));
  if (mine.length > 0) console.log(`\n发布前需处理（npm run check）：\n${formatFindings(mine)}`);
}

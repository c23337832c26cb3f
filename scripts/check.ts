/**
 * `npm run check [-- --json] [-- --content DIR] [-- --lang en]`: checks every gazette issue and
 * document without building. Prints one line per finding (`path:line:column  错误|警告  message — fix`)
 * grouped by file, then a summary; exits 1 on any error. Never prints a stack trace.
 */
import { explainError } from "../src/build/explain-error.ts";
import { formatFindings, loadArchive, publicationSummary } from "../src/content/index.ts";
import { say } from "../src/i18n/index.ts";
import { parseCliArgs } from "../src/util/index.ts";

try {
  const { values } = parseCliArgs({ options: { json: { type: "boolean", default: false }, content: { type: "string", default: "issues" } } }, "npm run check [-- --json] [--content 内容文件夹]");
  const { archive, findings } = await loadArchive(values.content);
  const errors = findings.filter((f) => f.severity === "error").length;
  if (values.json) console.log(JSON.stringify({ errors, warnings: findings.length - errors, findings }, null, 2));
  else {
    console.log(formatFindings(findings) || say({ zh: "检查完毕，没有发现问题。", en: "No problems found." }));
    if (archive) console.log(say(publicationSummary(archive)));
  }
  process.exitCode = errors > 0 ? 1 : 0;
} catch (err) {
  console.error(say({ zh: `npm run check 没能运行完：${explainError(err)}`, en: `npm run check could not run: ${explainError(err)}` }));
  process.exitCode = 2;
}

/**
 * `npm run new -- --year 2019 --number 3 [--content issues]`: scaffolds a gazette issue folder
 * (issue.yml prefilled from the latest issue, one document template). Never overwrites.
 */
import { explainError } from "../src/build/explain-error.ts";
import { scaffoldIssue } from "../src/scaffold/index.ts";
import { parseCliArgs } from "../src/util/index.ts";

try {
  const { values } = parseCliArgs({ options: { year: { type: "string" }, number: { type: "string" }, content: { type: "string", default: "issues" } } }, "npm run new -- --year YYYY --number N [--content DIR]");
  if (!values.year || !values.number) throw new Error("give the year and number: npm run new -- --year 2019 --number 3");
  if (!/^\d+$/.test(values.year)) throw new Error(`--year must be a year like 2019, got "${values.year}"`);
  if (!/^\d+$/.test(values.number)) throw new Error(`--number must be an issue number like 3, got "${values.number}"`);
  const written = await scaffoldIssue({ contentDir: values.content, year: Number(values.year), number: Number(values.number) });
  console.log(`Created ${written.map((w) => `${values.content}/${w}`).join(", ")}.\nFill in the fields marked # 待核 (npm run check lists them), add one .md file per document, then run npm run check.`);
} catch (err) {
  console.error(`npm run new stopped, nothing was overwritten: ${explainError(err)}`);
  process.exitCode = 1;
}

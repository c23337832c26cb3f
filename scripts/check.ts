/**
 * `npm run check [-- --json]`: checks every gazette issue and document without building. Prints
 * one line per finding (`path:line:column  error|warning  message  (fix)`) and exits 1 on any error.
 */
import { parseArgs } from "node:util";
import { formatFindings, loadArchive } from "../src/content/index.ts";

const { values } = parseArgs({ options: { json: { type: "boolean", default: false }, content: { type: "string", default: "issues" } } });
const { findings } = await loadArchive(values.content);
if (values.json) console.log(JSON.stringify({ findings }, null, 2));
else console.log(formatFindings(findings) || "No problems found.");
process.exit(findings.some((f) => f.severity === "error") ? 1 : 0);

/**
 * One measured build for `npm run bench` (run as a child process so its memory is its own):
 * `tsx scripts/bench/build-once.ts <contentDir> <outputDir> [--full]` prints the build's outcome,
 * time and phases (and the pages reused from the previous output) as one JSON line. `--full`
 * renders every page (no page reuse), as `npm run build -- --full`.
 */
import { buildSite } from "../../src/build/index.ts";
import { settingsFromEnv } from "../settings.ts";

const [contentDir, outputDir, flag] = process.argv.slice(2);
if (!contentDir || !outputDir || (flag !== undefined && flag !== "--full")) throw new Error("usage: build-once.ts <contentDir> <outputDir> [--full]");
const env = settingsFromEnv();
const result = await buildSite({ root: process.cwd(), contentDir, outputDir, reusePages: flag !== "--full", ...(env.shardDocuments ? { shardDocuments: env.shardDocuments } : {}) });
console.log(JSON.stringify({ ok: result.ok, ms: result.ms, phases: result.phases, pages: result.pages, error: result.error.slice(0, 2000) }));
process.exit(result.ok ? 0 : 1);

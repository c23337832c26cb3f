/**
 * `npm start [-- --port 8080] [-- --host 127.0.0.1] [-- --content issues] [-- --output _site]`:
 * build, then serve at http://127.0.0.1:8080/ (this machine only, unless --host) with live
 * reload (see serveSite).
 */
import { explainError, serveSite } from "../src/build/index.ts";
import { parseCliArgs } from "../src/util/index.ts";
import { settingsFromEnv } from "./settings.ts";

const { values } = parseCliArgs({ options: { port: { type: "string", default: "8080" }, host: { type: "string" }, content: { type: "string" }, output: { type: "string" } } }, "npm start [-- --port 8080] [--host 127.0.0.1] [--content DIR] [--output DIR]");
const env = settingsFromEnv();
// Ctrl-C (or a kill) ends the process through process.exit, so the lock on the output folder is removed.
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));
try {
  const server = await serveSite({
    ...(env.asOf ? { asOf: env.asOf } : {}),
    ...(env.shardDocuments ? { shardDocuments: env.shardDocuments } : {}),
    ...(env.searchJobs ? { searchJobs: env.searchJobs } : {}),
    port: Number(values.port),
    ...(values.host ? { host: values.host } : {}),
    ...(values.content ? { contentDir: values.content } : {}),
    ...(values.output ? { outputDir: values.output } : {}),
  });
  if (values.host && !/^(?:127\.|::1$|localhost$)/.test(values.host)) console.warn(`注意：预览服务器在 ${values.host} 上监听，同一网络中的其他计算机也能访问；只在本机预览时去掉 --host。`);
  console.log(`Serving ${server.url} — edit files under the content folder and save; Ctrl-C stops.`);
} catch (err) {
  console.error(explainError(err));
  process.exit(1);
}

/**
 * `npm start [-- --port 8080] [-- --content issues] [-- --output _site]`: build, then serve at
 * http://localhost:8080/ with live reload (see serveSite).
 */
import { serveSite } from "../src/build/index.ts";
import { parseCliArgs } from "../src/util/index.ts";
import { settingsFromEnv } from "./settings.ts";

const { values } = parseCliArgs({ options: { port: { type: "string", default: "8080" }, content: { type: "string" }, output: { type: "string" } } }, "npm start [-- --port 8080] [--content DIR] [--output DIR]");
const env = settingsFromEnv();
const server = await serveSite({
  ...(env.asOf ? { asOf: env.asOf } : {}),
  ...(env.shardDocuments ? { shardDocuments: env.shardDocuments } : {}),
  ...(env.searchJobs ? { searchJobs: env.searchJobs } : {}),
  port: Number(values.port),
  ...(values.content ? { contentDir: values.content } : {}),
  ...(values.output ? { outputDir: values.output } : {}),
});
console.log(`Serving ${server.url} — edit files under the content folder and save; Ctrl-C stops.`);

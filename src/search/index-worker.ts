/**
 * Child process that builds the search index with Pagefind's Node API (`createIndex`,
 * `addCustomRecord`, `writeFiles`; Pagefind keeps one service per Node process and frees its
 * memory only when the process ends). Started by `indexInChild` with `<recordsFile> <outputPath>`:
 * reads the search records (JSON Lines, see `writeSearchRecords`), turns each body into plain text
 * (`plainText`) and the title, numbers and text into tokens (`indexContent`), adds them with
 * language `INDEX_LANGUAGE` (no stemmer, no segmenter: the tokens are indexed as written),
 * and answers on the IPC channel with `{ errors: string[], urls: string[] }` (the URLs indexed, in order).
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import * as pagefind from "pagefind";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { plainText } from "./plain-text.ts";
import { checkBodySize, recordContent } from "./record-content.ts";
import { INDEX_LANGUAGE } from "./tokenise.ts";
import type { SearchRecord } from "./records.ts";

const [recordsFile, outputPath] = process.argv.slice(2);
/** Records sent to Pagefind's service before waiting for its answers. */
const IN_FLIGHT = 32;

async function run(): Promise<{ errors: string[]; urls: string[] }> {
  if (!recordsFile || !outputPath) return { errors: ["usage: index-worker <recordsFile> <outputPath>"], urls: [] };
  const md = createMarkdown();
  try {
    const { index, errors } = await pagefind.createIndex({ verbose: false });
    if (errors.length > 0 || !index) return { errors: errors.length > 0 ? errors : ["Pagefind did not start"], urls: [] };
    const failed: string[] = [];
    let pending: Promise<void>[] = [];
    const urls: string[] = [];
    const lines = createInterface({ input: createReadStream(recordsFile, "utf8"), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line === "") continue;
      const record = JSON.parse(line) as SearchRecord;
      let made: ReturnType<typeof recordContent>;
      try {
        checkBodySize(record.source, record.body);
        made = recordContent(record.title, record.docNumbers, record.body ? plainText(md, record.body) : "");
      } catch (err) {
        failed.push((err as Error).message);
        continue;
      }
      const { content, bodyAt } = made;
      urls.push(record.url);
      pending.push(
        index
          .addCustomRecord({ url: record.url, content, language: INDEX_LANGUAGE, meta: { ...record.meta, bodyAt: String(bodyAt) }, filters: record.filters, sort: record.sort })
          .then((r) => void failed.push(...r.errors.map((e) => `${record.url}: ${e}`))),
      );
      if (pending.length >= IN_FLIGHT) {
        await Promise.all(pending);
        pending = [];
      }
    }
    await Promise.all(pending);
    if (failed.length > 0) return { errors: failed, urls };
    const written = await index.writeFiles({ outputPath });
    return { errors: written.errors, urls };
  } finally {
    await pagefind.close();
  }
}

const answer = await run().catch((err: unknown) => ({ errors: [err instanceof Error ? err.message : String(err)], urls: [] }));
process.send?.(answer, () => process.exit(0));

/**
 * Builds one shard's search index with Pagefind's Node API (`createIndex`, `addCustomRecord`,
 * `writeFiles`), in this process: reads the search records (JSON Lines, see `writeSearchRecords`),
 * turns each body into plain text (`plainText`) and the title, numbers and text into tokens
 * (`indexContent`), and adds them with language `INDEX_LANGUAGE` (no stemmer, no segmenter: the
 * tokens are indexed as written). Pagefind's service (its own binary, one per Node process) holds
 * the index in memory until it is closed, so each shard closes it when written: memory stays bounded
 * by one shard. Shards are indexed one at a time per process.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import * as pagefind from "pagefind";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { plainText } from "./plain-text.ts";
import { checkBodySize, recordContent } from "./record-content.ts";
import { INDEX_LANGUAGE } from "./tokenise.ts";
import type { SearchRecord } from "./records.ts";

/** Records sent to Pagefind's service before waiting for its answers. */
const IN_FLIGHT = 32;

/** The shard being indexed in this process: the next waits for it (Pagefind's service is process-wide). */
let current: Promise<unknown> = Promise.resolve();

/**
 * Indexes the records file `recordsFile` into a Pagefind bundle at `outputPath`.
 * @returns Pagefind's and the records' errors (empty on success) and the URLs indexed, in order; never rejects.
 */
export function indexRecords(recordsFile: string, outputPath: string): Promise<{ errors: string[]; urls: string[] }> {
  const done = current.then(() => run(recordsFile, outputPath)).catch((err: unknown) => ({ errors: [err instanceof Error ? err.message : String(err)], urls: [] }));
  current = done;
  return done;
}

async function run(recordsFile: string, outputPath: string): Promise<{ errors: string[]; urls: string[] }> {
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

import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { readPagefindFile } from "../../src/search/merge-index.ts";

/**
 * A Pagefind 1.6 bundle with page numbers replaced by page URLs, so two indexes of the same pages
 * can be compared whatever order their pages are in: word → pages with locations and meta-field
 * locations (fields by name), filters, sort orders, word counts.
 */
export interface IndexContents {
  pages: number;
  fields: string[];
  wordCounts: Record<string, number>;
  words: Record<string, string>;
  filters: Record<string, string>;
  sorts: Record<string, string[]>;
  chunks: number;
  /** Page URLs and fragment names in page-number order. */
  urls: string[];
  hashes: string[];
}

export async function readIndexContents(dir: string): Promise<IndexContents> {
  const entry = JSON.parse(await readFile(path.join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string }> };
  const language = Object.keys(entry.languages)[0]!;
  const meta = readPagefindFile(path.join(dir, `pagefind.${entry.languages[language]!.hash}.pf_meta`)) as [string, [string, number, string][], [string, string, string][], [string, string][], [string, number[]][], string[]];
  const urls = meta[1].map(([hash]) => (JSON.parse(gunzipSync(readFileSync(path.join(dir, "fragment", `${hash}.pf_fragment`))).subarray(12).toString("utf8")) as { url: string }).url);
  const fields = meta[5];
  const words: Record<string, string> = {};
  for (const [, , hash] of meta[2]) {
    const [list] = readPagefindFile(path.join(dir, "index", `${hash}.pf_index`)) as [[string, [number, number[], number[]][], unknown[]][]];
    for (const [word, pages, variants] of list) {
      let page = 0;
      const described = pages.map(([delta, locs, metaLocs]) => JSON.stringify([urls[(page += delta)], locs, metaLocs.map((n) => (n < 0 ? fields[-n - 1] : n))]));
      words[word] = `${described.sort().join("|")} ${JSON.stringify(variants)}`;
    }
  }
  const filters: Record<string, string> = {};
  for (const [name, hash] of meta[3]) {
    const [, values] = readPagefindFile(path.join(dir, "filter", `${hash}.pf_filter`)) as [string, [string, number[]][]];
    filters[name] = JSON.stringify(values.map(([v, pages]) => [v, pages.map((p) => urls[p]).sort()]));
  }
  return {
    pages: meta[1].length,
    fields,
    wordCounts: Object.fromEntries(meta[1].map(([, count], i) => [urls[i]!, count])),
    words,
    filters,
    sorts: Object.fromEntries(meta[4].map(([name, order]) => [name, order.map((p) => urls[p]!)])),
    chunks: meta[2].length,
    urls,
    hashes: meta[1].map(([hash]) => hash),
  };
}

/** Names of the files in `dir/sub` (empty when missing). */
export async function filesIn(dir: string, sub: string): Promise<string[]> {
  return readdir(path.join(dir, sub)).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [];
    throw err;
  });
}

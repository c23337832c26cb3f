import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { constants, gunzip, gzip, gunzipSync, gzipSync, type ZlibOptions } from "node:zlib";
import { decode, encode } from "cborg";
import { FACETS, type SearchFacets } from "./facets.ts";
import { linkFile, linkTree } from "../util/index.ts";

/**
 * Merging Pagefind bundles into one index. Pagefind 1.6 can only build an index in one run, and a
 * run's memory grows with the archive (Chinese segmentation: about 1.4 GB per 1,000 documents), so
 * large archives are indexed in shards; searching many shards in the browser (`mergeIndex`) ranks
 * each shard with its own statistics and loads every shard's metadata. This module joins the shard
 * bundles into the bundle Pagefind itself would have written for all their pages: one page list,
 * one word list (each word's pages from every shard), one filter index, one sort order. Scores then
 * use the statistics of the whole archive (page count, pages containing each word, average page
 * length), exactly as a single Pagefind run would give them.
 *
 * The file format is Pagefind 1.6's (pinned in package.json; `pagefind_dcd` + CBOR, gzip):
 * - `pagefind.<hash>.pf_meta`: `[version, pages[[fragment hash, word count, extra]], index chunks[[from
 *   word, to word, hash]], filters[[name, hash]], sorts[[name, page numbers in ascending order]],
 *   meta fields[name]]`;
 * - `index/<hash>.pf_index`: `[words[[word, pages[[page number, locations, meta-field locations]],
 *   variants]]]`, words in UTF-8 byte order, each word's page numbers delta-encoded (the first
 *   absolute, then the difference to the one before); meta-field locations start each field's run
 *   with `-(field number + 1)` (the field's place in the meta fields list);
 * - `filter/<hash>.pf_filter`: `[name, values[[value, page numbers]]]`;
 * - `fragment/<hash>.pf_fragment`: one page's JSON (url, content, meta, filters), copied unchanged
 *   (the merged index names it `<language>_<page number, base 36>_<Pagefind's hash>`).
 * Anything else found there stops the merge with an error rather than writing a wrong index.
 */

const SIGNATURE = Buffer.from("pagefind_dcd");
const gunzipAsync = promisify(gunzip);
/**
 * zlib options of the merged index chunks (the files a browser downloads for a query). Pagefind 1.6
 * writes its own files at the best level (flate2 `Compression::best()`, `pagefind/src/output/mod.rs`).
 * Measured on the chunks of a 20,000-document merge (145 MB uncompressed, CPU seconds of zlib):
 * level 9 48.2 MB 20.4 s, 6 49.6 MB 5.2 s, 5 50.8 MB 3.1 s, 4 53.1 MB 1.9 s, 1 56.3 MB 1.3 s. Level 5
 * costs 2.5 % more bytes than 6 (0.6 % at 5,000 documents) for 40 % less compression time; level 4
 * would cost 7 %.
 */
export const GZIP_OPTIONS: ZlibOptions = { level: 5 };
function gzipAsync(bytes: Buffer, options: ZlibOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => gzip(bytes, options, (err, out) => (err ? reject(err) : resolve(out))));
}
/** Uncompressed size (bytes) at which a merged index chunk is closed; Pagefind's own chunks are ~60 KB. */
export const CHUNK_BYTES = 60_000;

type Page = [hash: string, wordCount: number, extra: unknown];
type Chunk = [from: string, to: string, hash: string];
type Meta = [version: string, pages: Page[], chunks: Chunk[], filters: [string, string][], sorts: [string, number[]][], fields: string[]];
type PageWord = [page: number, locs: number[], metaLocs: number[]];
type WordEntry = [word: string, pages: PageWord[], variants: unknown[]];

/**
 * SHA-256 of this module's own source: cached merged indexes (`mergedCacheName`) name it, so a
 * change to the merge (its output, {@link CHUNK_BYTES}, {@link GZIP_OPTIONS}) never reuses an index
 * merged by other code.
 */
export function mergeCodeHash(): string {
  codeHash ??= sha256(readFileSync(fileURLToPath(import.meta.url)));
  return codeHash;
}
let codeHash: string | undefined;

/** What {@link mergeSearchBundles} wrote. */
export interface MergeReport {
  /** Pages in the merged index. */
  pages: number;
  /** Distinct words. */
  words: number;
  /** Index chunks written. */
  chunks: number;
}

/** Options of {@link mergeSearchBundles}. */
export interface MergeOptions {
  /**
   * Sort values of each page by URL (`/2019/2/rzf-2019-2/` → `{ newest: "2019-04-10" }`), the
   * `data-pagefind-sort` values of the page: Pagefind's bundles keep only each shard's order.
   */
  sortValues: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/**
 * Merges complete Pagefind 1.6 bundles (each a folder with `pagefind-entry.json`, written by one
 * Pagefind run over disjoint pages of the same language) into one bundle at `outDir`: Pagefind's
 * scripts and wasm from the first bundle, fragments hard-linked (copied across file systems) under
 * names that start with the page number (see {@link pageNumberOf}), {@link FACETS} (see {@link SearchFacets}),
 * new metadata, index chunks (≤ {@link CHUNK_BYTES} uncompressed unless one word is larger) and
 * filter files. Words are merged one chunk at a time, so memory stays near two chunks per bundle
 * (the one being merged and the next, read ahead).
 * Page numbers follow the bundles' order. Pages sorted by `sortValues` the way Pagefind sorts:
 * numerically when every value is a number, else by string (our `YYYY-MM-DD` keys), ties in page
 * order.
 * @param bundles bundle folders, in page order (oldest shard first); bundles without pages are skipped.
 * @param outDir the merged bundle's folder (emptied first; must not be one of `bundles`).
 * @throws Error naming the bundle when one is not a Pagefind 1.6 bundle of the expected layout, the
 *   bundles differ in Pagefind version or language, or a page's URL has no sort values.
 */
export async function mergeSearchBundles(bundles: readonly string[], outDir: string, options: MergeOptions): Promise<MergeReport> {
  const loaded = await Promise.all(bundles.map(readBundle));
  const withPages = loaded.filter((b) => b.meta[1].length > 0);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const first = loaded[0];
  if (!first) throw new Error("no search index bundles to merge");
  if (withPages.length === 0) {
    linkTree(first.dir, outDir);
    await rm(path.join(outDir, PAGE_URLS), { force: true });
    await writeFile(path.join(outDir, FACETS), JSON.stringify({ pages: 0, filters: {} }));
    return { pages: 0, words: 0, chunks: 0 };
  }
  await copyScripts(first.dir, outDir);
  const { version, language } = withPages[0]!;
  for (const b of withPages) {
    if (b.version !== version || b.language !== language) throw new Error(`${b.dir}: Pagefind ${b.version} (${b.language}) cannot be merged with Pagefind ${version} (${language}); rebuild the search index`);
  }
  const offsets: number[] = [];
  const pages: Page[] = [];
  await mkdir(path.join(outDir, "fragment"), { recursive: true });
  const links: [string, string][] = [];
  for (const b of withPages) {
    offsets.push(pages.length);
    for (const [hash, wordCount, extra] of b.meta[1]) {
      // The third field names a fragment group (Pagefind 1.6 writes "" for a fragment of its own).
      if (extra !== "") throw new Error(`${b.dir}: page ${hash} is in a fragment group, which the search index merge does not support`);
      // The page's number leads its fragment name (see `pageNumberOf`); Pagefind's content hash follows.
      const name = `${language}_${pages.length.toString(36)}_${hash.slice(hash.lastIndexOf("_") + 1)}`;
      pages.push([name, wordCount, extra]);
      links.push([path.join(b.dir, "fragment", `${hash}.pf_fragment`), path.join(outDir, "fragment", `${name}.pf_fragment`)]);
    }
  }
  for (const [from, to] of links) linkFile(from, to);
  const fields = [...new Set(withPages.flatMap((b) => b.meta[5]))].sort(compareCodePoints);
  const fieldMaps = withPages.map((b) => b.meta[5].map((f) => fields.indexOf(f)));

  const { chunks, words } = await mergeWords(withPages, offsets, fieldMaps, language, outDir);
  const filters = await mergeFilters(withPages, offsets, pages.length, language, outDir);
  const sorts = await mergeSorts(withPages, offsets, options.sortValues);
  const meta: Meta = [version, pages, chunks, filters, sorts, fields];
  const metaBytes = pagefindFile(encode(meta));
  const metaHash = `${language}_${sha256(metaBytes).slice(0, 13)}`;
  await writeFile(path.join(outDir, `pagefind.${metaHash}.pf_meta`), metaBytes);
  const entry = { ...first.entry, languages: { [language]: { ...withPages[0]!.entry.languages[language], hash: metaHash, page_count: pages.length } } };
  await writeFile(path.join(outDir, "pagefind-entry.json"), JSON.stringify(entry));
  return { pages: pages.length, words, chunks: chunks.length };
}

interface Bundle {
  dir: string;
  entry: { version: string; languages: Record<string, { hash: string; wasm: string | null; page_count: number }> };
  version: string;
  language: string;
  meta: Meta;
}

async function readBundle(dir: string): Promise<Bundle> {
  const entry = JSON.parse(await readFile(path.join(dir, "pagefind-entry.json"), "utf8")) as Bundle["entry"];
  const languages = Object.keys(entry.languages ?? {});
  if (languages.length === 0) {
    return { dir, entry, version: entry.version, language: "", meta: [entry.version, [], [], [], [], []] };
  }
  if (languages.length !== 1) throw new Error(`${dir}: the search index holds ${languages.length} languages (${languages.join(", ")}); only one-language indexes can be merged`);
  const language = languages[0]!;
  const meta = readPagefindFile(path.join(dir, `pagefind.${entry.languages[language]!.hash}.pf_meta`)) as Meta;
  const ok = Array.isArray(meta) && meta.length === 6 && typeof meta[0] === "string" && [1, 2, 3, 4, 5].every((i) => Array.isArray(meta[i]));
  if (!ok) throw new Error(`${dir}: unexpected Pagefind metadata layout (the merge supports Pagefind 1.6 bundles)`);
  return { dir, entry, version: meta[0], language, meta };
}

/** Reads one Pagefind data file: gzip of `pagefind_dcd` + CBOR. */
export function readPagefindFile(file: string): unknown {
  const raw = gunzipSync(readFileSync(file));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind data file (no pagefind_dcd signature)`);
  return decode(raw.subarray(SIGNATURE.length));
}

function pagefindFile(cbor: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, cbor]));
}

/**
 * Walks one bundle's words in order, one chunk at a time, reading the CBOR structure
 * without decoding page locations (the merge copies their bytes unchanged). The next chunk is read
 * and decompressed in the background (on libuv's thread pool) while this one is merged. The fields
 * describe the current word (`done` once the bundle has no more): its entry is
 * `bytes[entryStart, entryEnd)`, its text item (head and UTF-8 bytes) `bytes[textStart, textEnd)`.
 */
class WordCursor {
  private chunk = 0;
  private pending: Promise<Buffer> | null = null;
  private pos = 0;
  private left = 0;
  /** The chunk's uncompressed bytes (CBOR after the signature). */
  bytes: Buffer = EMPTY;
  /** True when the current chunk is used up and {@link load} must read the next. */
  needsLoad = true;
  done = false;
  /** Bytes 0–5 and 6–11 of the word as numbers (zero-padded): they order most words without comparing buffers. */
  key = 0;
  key2 = 0;
  wordStart = 0;
  wordEnd = 0;
  entryStart = 0;
  entryEnd = 0;
  textStart = 0;
  textEnd = 0;
  /** Pages in the word's page list. */
  pages = 0;
  /** Page-number delta of the first page (= its page number in the bundle) and where the bytes after it start. */
  firstDelta = 0;
  afterFirstDelta = 0;
  pagesEnd = 0;
  /** Sum of the page-number deltas: the bundle's page number of the last page. */
  lastPage = 0;
  /** True when the variants item is the empty array. */
  noVariants = true;
  constructor(
    readonly bundle: Bundle,
    readonly index: number,
  ) {
    this.prefetch();
  }
  private file(chunk: number): string {
    return path.join(this.bundle.dir, "index", `${this.bundle.meta[2][chunk]![2]}.pf_index`);
  }
  private prefetch(): void {
    if (this.chunk >= this.bundle.meta[2].length) {
      this.pending = null;
      return;
    }
    this.pending = readFile(this.file(this.chunk)).then((gz) => gunzipAsync(gz));
    // Marked handled here; `load` awaits it, so a failed read still fails the merge.
    this.pending.catch(() => undefined);
  }
  /** Reads the next chunk (already being decompressed) and its first word. */
  async load(): Promise<void> {
    while (this.left === 0 && this.pending) {
      const file = this.file(this.chunk);
      const raw = await this.pending;
      this.chunk += 1;
      this.prefetch();
      if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind data file (no pagefind_dcd signature)`);
      this.bytes = raw.subarray(SIGNATURE.length);
      if (this.bytes[0] !== 0x81 || majorAt(this.bytes, 1) !== 4) throw new Error(`${file}: unexpected Pagefind index chunk layout`);
      this.pos = readHead(this.bytes, 1);
      this.left = HEAD.value;
    }
    this.needsLoad = false;
    this.next();
  }
  /** Moves to the next word; sets {@link needsLoad} at the end of a chunk and {@link done} at the end of the bundle. */
  next(): void {
    if (this.left === 0) {
      if (this.pending) this.needsLoad = true;
      else this.done = true;
      return;
    }
    this.readWord(this.pos);
    this.pos = this.entryEnd;
    this.left -= 1;
  }
  /** Reads a word entry `[word, pages[[delta, locs, metaLocs]], variants]` at `start`. */
  private readWord(start: number): void {
    const bytes = this.bytes;
    if (bytes[start] !== 0x83) this.bad(start);
    this.entryStart = start;
    this.textStart = start + 1;
    if (majorAt(bytes, start + 1) !== 3) this.bad(start);
    const wordStart = readHead(bytes, start + 1);
    const wordEnd = wordStart + HEAD.value;
    this.wordStart = wordStart;
    this.wordEnd = wordEnd;
    this.textEnd = wordEnd;
    this.key = prefixKey(bytes, wordStart, wordEnd);
    this.key2 = prefixKey(bytes, wordStart + 6, wordEnd);
    if (majorAt(bytes, wordEnd) !== 4) this.bad(start);
    let pos = readHead(bytes, wordEnd);
    const count = HEAD.value;
    if (count === 0) this.bad(start);
    let lastPage = 0;
    for (let i = 0; i < count; i++) {
      if (bytes[pos] !== 0x83 || majorAt(bytes, pos + 1) !== 0) this.bad(start);
      const afterDelta = readHead(bytes, pos + 1);
      if (i === 0) {
        this.firstDelta = HEAD.value;
        this.afterFirstDelta = afterDelta;
      }
      lastPage += HEAD.value;
      pos = skipIntegers(bytes, skipIntegers(bytes, afterDelta));
    }
    this.pages = count;
    this.lastPage = lastPage;
    this.pagesEnd = pos;
    this.noVariants = bytes[pos] === 0x80;
    this.entryEnd = skip(bytes, pos);
  }
  private bad(start: number): never {
    throw new Error(`${this.bundle.dir}: unexpected Pagefind word entry at byte ${start}`);
  }
}

const EMPTY = Buffer.alloc(0);

/** Six bytes of a word from `start` as a number (bytes at or after `end` as 0). */
function prefixKey(bytes: Buffer, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < start + 6; i++) key = key * 256 + (i < end ? bytes[i]! : 0);
  return key;
}

/**
 * Orders two words by their UTF-8 bytes, which is Pagefind's (Rust `String`) order; no decoding.
 * Words of up to 12 bytes (4 Chinese characters) are ordered by their keys and lengths alone: with
 * equal keys the shorter is a prefix of the longer.
 */
function compareWords(a: WordCursor, b: WordCursor): number {
  const byKeys = a.key - b.key || a.key2 - b.key2;
  if (byKeys !== 0) return byKeys;
  const lengthA = a.wordEnd - a.wordStart;
  const lengthB = b.wordEnd - b.wordStart;
  if (lengthA <= 12 && lengthB <= 12) return lengthA - lengthB;
  return a.bytes.compare(b.bytes, b.wordStart, b.wordEnd, a.wordStart, a.wordEnd);
}

/** The last CBOR item head read by {@link readHead}: one shared record, so reading allocates nothing. */
const HEAD = { major: 0, value: 0 };

/** Major type of the CBOR item at `pos` (RFC 8949 §3), -1 past the end. */
function majorAt(bytes: Buffer, pos: number): number {
  const first = bytes[pos];
  return first === undefined ? -1 : first >> 5;
}

/** Reads the CBOR item head (RFC 8949 §3) at `pos` into {@link HEAD}; returns where the item's content starts. */
function readHead(bytes: Buffer, pos: number): number {
  const first = bytes[pos];
  if (first === undefined) throw new Error("truncated Pagefind index chunk");
  HEAD.major = first >> 5;
  const info = first & 0x1f;
  if (info < 24) {
    HEAD.value = info;
    return pos + 1;
  }
  if (info === 24) {
    HEAD.value = bytes[pos + 1]!;
    return pos + 2;
  }
  if (info === 25) {
    HEAD.value = bytes.readUInt16BE(pos + 1);
    return pos + 3;
  }
  if (info === 26) {
    HEAD.value = bytes.readUInt32BE(pos + 1);
    return pos + 5;
  }
  if (info === 27) {
    HEAD.value = Number(bytes.readBigUInt64BE(pos + 1));
    return pos + 9;
  }
  throw new Error(`unsupported CBOR item (indefinite length) in a Pagefind index chunk`);
}

/** Position after the CBOR item at `pos` (integers, the bulk of an index chunk, without a call to {@link readHead}). */
function skip(bytes: Buffer, pos: number): number {
  const first = bytes[pos];
  if (first === undefined) throw new Error("truncated Pagefind index chunk");
  if (first < 0x40) {
    const info = first & 0x1f;
    if (info < 24) return pos + 1;
    if (info < 28) return pos + 1 + (1 << (info - 24));
  }
  const next = readHead(bytes, pos);
  const n = HEAD.value;
  switch (HEAD.major) {
    case 0:
    case 1:
    case 7:
      return next;
    case 2:
    case 3:
      return next + n;
    case 4: {
      let p = next;
      for (let i = 0; i < n; i++) p = skip(bytes, p);
      return p;
    }
    case 5: {
      let p = next;
      for (let i = 0; i < 2 * n; i++) p = skip(bytes, p);
      return p;
    }
    default:
      return skip(bytes, next);
  }
}

/**
 * Position after the CBOR item at `pos`, fast for what a word's locations are: an array of
 * integers (word positions; negative numbers start a meta field's run). Anything else goes to
 * {@link skip}.
 */
function skipIntegers(bytes: Buffer, pos: number): number {
  const first = bytes[pos];
  if (first === undefined || first >> 5 !== 4 || (first & 0x1f) > 25) return skip(bytes, pos);
  const next = readHead(bytes, pos);
  let p = next;
  for (let i = HEAD.value; i > 0; i--) {
    const b = bytes[p];
    // An integer (major type 0 or 1) with its argument in the head or in 1, 2, 4 or 8 bytes after it.
    if (b !== undefined && b < 0x40 && (b & 0x1f) < 28) p += (b & 0x1f) < 24 ? 1 : 1 + (1 << ((b & 0x1f) - 24));
    else p = skip(bytes, p);
  }
  return p;
}

/** CBOR head of major type `major` with argument `n` (< 2³²). */
function cborHead(major: number, n: number): Buffer {
  const m = major << 5;
  if (n < 24) return Buffer.from([m | n]);
  if (n < 0x100) return Buffer.from([m | 24, n]);
  if (n < 0x10000) return Buffer.from([m | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = m | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

/** The word entries of one merged index chunk, written into one growing buffer. */
class EntryWriter {
  bytes = Buffer.allocUnsafe(1 << 17);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.length + n));
    this.bytes.copy(bigger, 0, 0, this.length);
    this.bytes = bigger;
  }
  byte(b: number): void {
    this.room(1);
    this.bytes[this.length++] = b;
  }
  /** A CBOR head of major type `major` with argument `n` (< 2³²). */
  head(major: number, n: number): void {
    this.room(5);
    const m = major << 5;
    const b = this.bytes;
    if (n < 24) b[this.length++] = m | n;
    else if (n < 0x100) {
      b[this.length++] = m | 24;
      b[this.length++] = n;
    } else if (n < 0x10000) {
      b[this.length++] = m | 25;
      this.length = b.writeUInt16BE(n, this.length);
    } else {
      b[this.length++] = m | 26;
      this.length = b.writeUInt32BE(n, this.length);
    }
  }
  copy(from: Uint8Array, start = 0, end = from.length): void {
    const n = end - start;
    this.room(n);
    // Most copies are a few bytes (a rare word's locations), cheaper in a loop than through a native call.
    if (n < 32) {
      const b = this.bytes;
      for (let i = start, j = this.length; i < end; i++, j++) b[j] = from[i]!;
    } else this.bytes.set(from.subarray(start, end), this.length);
    this.length += n;
  }
  /** The text of the word entry written at `entry`. */
  wordAt(entry: number): string {
    const start = readHead(this.bytes, entry + 1);
    return this.bytes.toString("utf8", start, start + HEAD.value);
  }
}

/**
 * Writes one merged word entry from the same word in several bundles (`group`, in page order): the
 * page lists are joined and only each bundle's first page-number delta is rewritten; every
 * location is copied byte for byte. Entries with meta fields to renumber or with variants are
 * decoded instead.
 */
function writeWordEntry(out: EntryWriter, group: readonly WordCursor[], offsets: readonly number[], fieldMaps: readonly number[][], sameFields: readonly boolean[]): void {
  let simple = true;
  let pages = 0;
  for (const c of group) {
    if (!c.noVariants || !sameFields[c.index]) simple = false;
    pages += c.pages;
  }
  if (!simple) {
    out.copy(decodedWordEntry(group, offsets, fieldMaps));
    return;
  }
  const first = group[0]!;
  out.byte(0x83);
  out.copy(first.bytes, first.textStart, first.textEnd);
  out.head(4, pages);
  let previous = 0;
  for (const c of group) {
    const offset = offsets[c.index]!;
    out.byte(0x83);
    out.head(0, c.firstDelta + offset - previous);
    out.copy(c.bytes, c.afterFirstDelta, c.pagesEnd);
    previous = c.lastPage + offset;
  }
  out.byte(0x80);
}

/** The general path of {@link writeWordEntry}: decode, renumber, encode. */
function decodedWordEntry(group: readonly WordCursor[], offsets: readonly number[], fieldMaps: readonly number[][]): Uint8Array {
  let pages: PageWord[] = [];
  let variants: unknown[] = [];
  let previous = 0;
  for (const cursor of group) {
    const [, wordPages, wordVariants] = decode(cursor.bytes.subarray(cursor.entryStart, cursor.entryEnd)) as WordEntry;
    if (wordVariants.length > 0) variants = variants.length === 0 ? wordVariants : unionJson(variants, wordVariants);
    const fieldMap = fieldMaps[cursor.index]!;
    let page = offsets[cursor.index]!;
    for (const entry of wordPages) {
      page += entry[0];
      entry[0] = page - previous;
      previous = page;
      entry[2] = remapFields(entry[2], fieldMap);
    }
    pages = pages.concat(wordPages);
  }
  const first = group[0]!;
  return encode([first.bytes.toString("utf8", first.wordStart, first.wordEnd), pages, variants]);
}

async function mergeWords(bundles: readonly Bundle[], offsets: readonly number[], fieldMaps: readonly number[][], language: string, outDir: string): Promise<{ chunks: Chunk[]; words: number }> {
  await mkdir(path.join(outDir, "index"), { recursive: true });
  const sameFields = fieldMaps.map((map) => map.every((to, from) => to === from));
  const heap = new MinHeap<WordCursor>((a, b) => compareWords(a, b) || a.index - b.index);
  // Every bundle's first chunk is read at once; then each cursor waits for its own.
  for (const cursor of bundles.map((b, i) => new WordCursor(b, i))) {
    await cursor.load();
    if (!cursor.done) heap.push(cursor);
  }
  const chunks: Chunk[] = [];
  const out = new EntryWriter();
  let entries = 0;
  let lastEntry = 0;
  let words = 0;
  // Chunks are compressed and written in the background (zlib runs on libuv's thread pool), a few at a time.
  const writing: Promise<void>[] = [];
  const flush = async (): Promise<void> => {
    if (entries === 0) return;
    const head = cborHead(4, entries);
    const raw = Buffer.allocUnsafe(SIGNATURE.length + 1 + head.length + out.length);
    SIGNATURE.copy(raw, 0);
    raw[SIGNATURE.length] = 0x81;
    head.copy(raw, SIGNATURE.length + 1);
    out.bytes.copy(raw, SIGNATURE.length + 1 + head.length, 0, out.length);
    const chunk: Chunk = [out.wordAt(0), out.wordAt(lastEntry), ""];
    chunks.push(chunk);
    out.length = 0;
    entries = 0;
    const job = gzipAsync(raw, GZIP_OPTIONS).then(async (bytes) => {
      chunk[2] = `${language}_${sha256(bytes).slice(0, 12)}`;
      await writeFile(path.join(outDir, "index", `${chunk[2]}.pf_index`), bytes);
    });
    // Marked handled here; every job is still awaited below, so a failed write fails the merge.
    job.catch(() => undefined);
    writing.push(job);
    if (writing.length > 4) await writing[writing.length - 5];
  };
  const group: WordCursor[] = [];
  try {
    while (heap.size > 0) {
      const word = heap.pop()!;
      group.length = 0;
      group.push(word);
      while (heap.size > 0 && compareWords(heap.peek()!, word) === 0) group.push(heap.pop()!);
      lastEntry = out.length;
      writeWordEntry(out, group, offsets, fieldMaps, sameFields);
      entries += 1;
      words += 1;
      for (const cursor of group) {
        cursor.next();
        if (cursor.needsLoad) await cursor.load();
        if (!cursor.done) heap.push(cursor);
      }
      if (out.length >= CHUNK_BYTES) await flush();
    }
    await flush();
  } finally {
    // Also when the merge fails: no chunk is still being written behind the caller's back.
    await Promise.allSettled(writing);
  }
  await Promise.all(writing);
  return { chunks: chunkBoundaries(chunks), words };
}

/**
 * Pagefind's chunk boundaries: the shortest prefix of a chunk's first word that is not a prefix of
 * the previous chunk's last word, and of its last word that is not a prefix of the next chunk's
 * first word (checked against all 259 chunks of a 600-document Pagefind 1.6 index).
 */
function chunkBoundaries(chunks: readonly Chunk[]): Chunk[] {
  return chunks.map(([from, to, hash], i) => [shortestPrefix(from, chunks[i - 1]?.[1] ?? ""), shortestPrefix(to, chunks[i + 1]?.[0] ?? ""), hash]);
}

function shortestPrefix(word: string, other: string): string {
  const chars = [...word];
  for (let n = 1; n <= chars.length; n++) {
    const prefix = chars.slice(0, n).join("");
    if (!other.startsWith(prefix)) return prefix;
  }
  return word;
}

/** Meta-field locations: `-(field + 1)` starts a field's run; positions (≥ 0) are left as they are. */
function remapFields(metaLocs: number[], fieldMap: readonly number[]): number[] {
  if (!Array.isArray(metaLocs)) throw new Error("unexpected Pagefind meta-field locations");
  if (fieldMap.every((to, from) => to === from)) return metaLocs;
  return metaLocs.map((n) => (n < 0 ? -(fieldMap[-n - 1]! + 1) : n));
}

async function mergeFilters(bundles: readonly Bundle[], offsets: readonly number[], total: number, language: string, outDir: string): Promise<[string, string][]> {
  const merged = new Map<string, Map<string, number[]>>();
  for (const [i, b] of bundles.entries()) {
    for (const [name, hash] of b.meta[3]) {
      const file = path.join(b.dir, "filter", `${hash}.pf_filter`);
      const value = readPagefindFile(file) as [string, [string, number[]][]];
      if (!Array.isArray(value) || value[0] !== name || !Array.isArray(value[1])) throw new Error(`${file}: unexpected Pagefind filter layout`);
      const values = merged.get(name) ?? new Map<string, number[]>();
      merged.set(name, values);
      for (const [v, pages] of value[1]) {
        const list = values.get(v) ?? [];
        values.set(v, list);
        for (const p of pages) list.push(p + offsets[i]!);
      }
    }
  }
  await mkdir(path.join(outDir, "filter"), { recursive: true });
  const out: [string, string][] = [];
  const facets: SearchFacets = { pages: total, filters: {} };
  for (const name of [...merged.keys()].sort(compareCodePoints)) {
    const values = merged.get(name)!;
    const packed = [...values.keys()].sort(compareCodePoints).map((v) => [v, values.get(v)!] as [string, number[]]);
    const bytes = pagefindFile(encode([name, packed]));
    const hash = `${language}_${sha256(bytes).slice(0, 12)}`;
    await writeFile(path.join(outDir, "filter", `${hash}.pf_filter`), bytes);
    out.push([name, hash]);
    facets.filters[name] = packed.map(([v, list]) => [v, list.map((p, i) => p - (list[i - 1] ?? 0))]);
  }
  await writeFile(path.join(outDir, FACETS), JSON.stringify(facets));
  return out;
}

async function mergeSorts(bundles: readonly Bundle[], offsets: readonly number[], sortValues: MergeOptions["sortValues"]): Promise<[string, number[]][]> {
  const names = [...new Set(bundles.flatMap((b) => b.meta[4].map(([name]) => name)))].sort(compareCodePoints);
  if (names.length === 0) return [];
  const urls = bundles.flatMap((b) => bundlePageUrls(b.dir, b.meta[1]));
  return names.map((name) => {
    const pages: { page: number; value: string }[] = [];
    for (const [i, b] of bundles.entries()) {
      const order = b.meta[4].find(([n]) => n === name)?.[1] ?? [];
      for (const local of order) {
        const page = local + offsets[i]!;
        const value = sortValues.get(urls[page]!)?.[name];
        if (value === undefined) throw new Error(`the page ${urls[page]} has no "${name}" sort value to merge the search index`);
        pages.push({ page, value });
      }
    }
    const numeric = pages.every((p) => p.value.trim() !== "" && Number.isFinite(Number(p.value)));
    pages.sort((a, b) => (numeric ? Number(a.value) - Number(b.value) : compareCodePoints(a.value, b.value)) || a.page - b.page);
    return [name, pages.map((p) => p.page)] as [string, number[]];
  });
}

/** How much of a fragment file {@link fragmentUrl} reads first (bytes): enough for the URL, which Pagefind writes first. */
const FRAGMENT_HEAD_BYTES = 1024;
const URL_FIRST = /^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/u;

/**
 * The URL of a page from its fragment (`{"url": …, "content": …}`, gzip), decompressing only the
 * start of the file when the URL is there (a fragment holds the whole page text).
 */
export function fragmentUrl(file: string): string {
  const head = Buffer.allocUnsafe(FRAGMENT_HEAD_BYTES);
  const fd = openSync(file, "r");
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const start = gunzipSync(head.subarray(0, read), { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
  const found = URL_FIRST.exec(start);
  if (found) return JSON.parse(found[1]!) as string;
  const raw = gunzipSync(readFileSync(file));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind data file (no pagefind_dcd signature)`);
  const url = (JSON.parse(raw.subarray(SIGNATURE.length).toString("utf8")) as { url?: unknown }).url;
  if (typeof url !== "string") throw new Error(`${file}: the Pagefind fragment has no URL`);
  return url;
}

/** The page URLs of a bundle by fragment hash, written beside its data by {@link writePageUrls}. */
export const PAGE_URLS = "page-urls.json";

/**
 * Writes {@link PAGE_URLS} into a complete Pagefind bundle (each fragment's URL by its hash), so
 * merges need not open every fragment (0.7 s at 20,000 pages). Write it before the bundle is put in
 * place (the shard cache renames complete bundles), so it always describes the bundle's fragments.
 * @throws Error when the bundle or a fragment cannot be read.
 */
export async function writePageUrls(bundleDir: string): Promise<void> {
  const { meta } = await readBundle(bundleDir);
  const urls = Object.fromEntries(meta[1].map(([hash]) => [hash, fragmentUrl(path.join(bundleDir, "fragment", `${hash}.pf_fragment`))]));
  await writeFile(path.join(bundleDir, PAGE_URLS), JSON.stringify(urls));
}

/** Each page's URL in page order: from {@link PAGE_URLS} when it lists every page, else from the fragments. */
function bundlePageUrls(dir: string, pages: readonly Page[]): string[] {
  let known: Record<string, unknown> = {};
  try {
    known = JSON.parse(readFileSync(path.join(dir, PAGE_URLS), "utf8")) as Record<string, unknown>;
  } catch (err) {
    // Bundles from Pagefind itself or from before the file existed have none: the fragments tell.
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`${path.join(dir, PAGE_URLS)}: unreadable (${(err as Error).message}); delete the shard cache folder to rebuild it`, { cause: err });
  }
  return pages.map(([hash]) => {
    const url = known[hash];
    return typeof url === "string" ? url : fragmentUrl(path.join(dir, "fragment", `${hash}.pf_fragment`));
  });
}

/**
 * Compares two strings by Unicode code point (the UTF-8 byte order Pagefind's Rust code uses),
 * unlike `<`, which compares UTF-16 code units and puts characters beyond U+FFFF before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}

function codeUnitRank(c: number): number {
  if (c >= 0xe000) return c - 0x800;
  if (c >= 0xd800) return c + 0x2000;
  return c;
}

function unionJson(a: unknown[], b: unknown[]): unknown[] {
  const seen = new Set(a.map((x) => JSON.stringify(x)));
  return [...a, ...b.filter((x) => !seen.has(JSON.stringify(x)))];
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const DATA_ENTRIES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter|page-urls\.json)$/u;

/** Pagefind's scripts, styles and wasm from a bundle (everything but its data). */
async function copyScripts(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.isFile() && !DATA_ENTRIES.test(entry.name)) linkFile(path.join(from, entry.name), path.join(to, entry.name));
  }
}

/** A binary min-heap (the k-way merge of the bundles' word lists). */
class MinHeap<T> {
  private items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.less(a[i]!, a[parent]!) >= 0) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}


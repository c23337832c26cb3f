import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { EvalDocument } from "./make-archive.ts";

/** Kinds of evaluation queries, as reported. */
export const QUERY_KINDS = ["title", "fragment", "phrase4", "compound", "phrase", "topical", "single", "traditional", "nomatch", "number", "series", "issuer"] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

const entry = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("number"), doc: z.string() }),
  z.strictObject({ kind: z.literal("series"), q: z.string() }),
  z.strictObject({ kind: z.literal("issuer"), q: z.string() }),
  z.strictObject({ kind: z.enum(["phrase", "topical", "single", "traditional"]), q: z.string(), expect: z.array(z.string()).min(1) }),
]);
const querySet = z.strictObject({ about: z.string(), queries: z.array(entry) });
export type QueryEntry = z.output<typeof entry>;

/** One query as the browser types it, with the documents (site URLs) it must find. */
export interface EvalQuery {
  kind: QueryKind;
  /** Written form of a number query (`square`, `fullwidth-digits` …), else "". */
  form: string;
  q: string;
  expected: string[];
}

/**
 * Written forms of a document number readers type (GB/T 9704-2012 §7.2.5 gives the canonical
 * 〔〕 form; the others are what people type from keyboards and other documents).
 */
export const NUMBER_FORMS: Record<string, (prefix: string, year: string, serial: string) => string> = {
  canonical: (p, y, s) => `${p}〔${y}〕${s}号`,
  square: (p, y, s) => `${p}[${y}]${s}号`,
  lenticular: (p, y, s) => `${p}【${y}】${s}号`,
  "fullwidth-paren": (p, y, s) => `${p}（${y}）${s}号`,
  paren: (p, y, s) => `${p}(${y})${s}号`,
  "fullwidth-square": (p, y, s) => `${p}［${y}］${s}号`,
  "fullwidth-digits": (p, y, s) => `${p}〔${toFullWidth(y)}〕${toFullWidth(s)}号`,
  "no-hao": (p, y, s) => `${p}〔${y}〕${s}`,
  spaces: (p, y, s) => `${p} 〔${y}〕 ${s} 号`,
  "year-word": (p, y, s) => `${p}${y}年${s}号`,
  "di-hao": (p, y, s) => `${p}〔${y}〕第${s}号`,
  "year-di-hao": (p, y, s) => `${p}${y}年第${s}号`,
  "hao-wen": (p, y, s) => `${p}〔${y}〕${s}号文`,
  "square-di-hao-wen": (p, y, s) => `${p}[${y}]第${s}号文`,
};

function toFullWidth(digits: string): string {
  return digits.replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** Reads and validates the query set (`test/fixtures/search-eval/queries.json`). */
export async function readQuerySet(file: string): Promise<QueryEntry[]> {
  const parsed = querySet.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: not a query set — ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data.queries;
}

/** Corpus ids a query set names (so the evaluation archive includes them). */
export function namedDocuments(entries: readonly QueryEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.kind === "number") ids.add(e.doc);
    else if ("expect" in e) for (const id of e.expect) ids.add(id);
  }
  return ids;
}

/**
 * Turns query-set entries into the queries to type, against the generated archive: a number
 * entry becomes one query per written form in {@link NUMBER_FORMS}; issuer and series entries
 * expect every document of that issuer or series.
 * @throws Error naming the id when the archive lacks a document the query set names.
 */
export function expandQueries(entries: readonly QueryEntry[], docs: readonly EvalDocument[]): EvalQuery[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const url = (id: string) => {
    const d = byId.get(id);
    if (!d) throw new Error(`the query set names ${id}, which is not in the evaluation archive`);
    return d.url;
  };
  const out: EvalQuery[] = [];
  for (const e of entries) {
    if (e.kind === "number") {
      const d = byId.get(e.doc);
      const m = d && /^(.+)〔(\d{4})〕(\d+)号$/u.exec(d.docNumber);
      if (!d || !m) throw new Error(`the query set names ${e.doc}, which is not in the evaluation archive`);
      for (const [form, write] of Object.entries(NUMBER_FORMS)) out.push({ kind: "number", form, q: write(m[1]!, m[2]!, m[3]!), expected: [d.url] });
    } else if (e.kind === "issuer") {
      out.push({ kind: "issuer", form: "", q: e.q, expected: docs.filter((d) => d.issuers.includes(e.q)).map((d) => d.url) });
    } else if (e.kind === "series") {
      out.push({ kind: "series", form: "", q: e.q, expected: docs.filter((d) => d.docNumber.startsWith(e.q)).map((d) => d.url) });
    } else {
      out.push({ kind: e.kind, form: "", q: e.q, expected: e.expect.map(url) });
    }
  }
  return out;
}

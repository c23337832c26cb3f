import * as assert from "uvu/assert";
import { parse } from "yaml";
import { splitFrontMatter } from "../../src/content/index.ts";
import type { ImportResult } from "../../src/import/index.ts";

/** The front matter of a document file the import wrote, parsed. */
export const frontMatter = (text: string) => parse(splitFrontMatter(text)!.frontMatter) as Record<string, unknown>;

/** The body of a document file the import wrote, without the blank lines after the front matter. */
export const bodyOf = (text: string) => splitFrontMatter(text)!.body.trimStart();

/** The imported document with `slug`; fails the test, naming the slugs there are, when there is none. */
export function importedDocument(result: ImportResult, slug: string): ImportResult["documents"][number] {
  const d = result.documents.find((x) => x.slug === slug);
  assert.ok(d, `${slug} imported (have ${result.documents.map((x) => x.slug).join(", ")})`);
  return d!;
}

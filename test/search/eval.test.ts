import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadArchive } from "../../src/content/index.ts";
import { drawQueries, NUMBER_FORMS, chooseTexts, expandQueries, generateCorpus, measure, namedDocuments, percentile, readQuerySet, writeEvalArchive } from "../../src/dev/search-eval/index.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";

test("measures recall@1, recall@10 and precision@10", () => {
  assert.equal(measure(["/a/", "/b/"], ["/b/"], (u) => u === "/b/"), { recallAt1: 0, recallAt10: 1, precisionAt10: 0.5 });
  assert.equal(measure(["/b/"], ["/b/", "/c/"], () => true), { recallAt1: 1, recallAt10: 0.5, precisionAt10: 1 });
  assert.equal(measure([], ["/b/"], () => true), { recallAt1: 0, recallAt10: 0, precisionAt10: 1 });
  const many = Array.from({ length: 12 }, (_, i) => `/${i}/`);
  assert.is(measure(many, many, () => true).recallAt10, 1);
  assert.is(percentile([5, 1, 3, 2, 4], 0.5), 3);
  assert.is(percentile([], 0.5), 0);
});

test("wraps generated text into a valid gazette archive whose numbers the queries can name", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-eval-"));
  try {
    const texts = chooseTexts(generateCorpus(40), new Set(["generated/0003"]), 12);
    assert.is(texts.length, 12);
    assert.ok(texts.some((t) => t.id === "generated/0003"));
    const docs = await writeEvalArchive(texts, dir);
    const { archive, findings } = await loadArchive(dir, dir);
    assert.ok(archive, JSON.stringify(findings));
    assert.is(archive!.issues.flatMap((i) => i.documents).length, 12);
    assert.is(new Set(docs.map((d) => d.docNumber)).size, 12);
    const queries = expandQueries([{ kind: "number", doc: "generated/0003" }, { kind: "series", q: "乳政发" }], docs);
    assert.is(queries.filter((q) => q.kind === "number").length, Object.keys(NUMBER_FORMS).length);
    const doc = docs.find((d) => d.id === "generated/0003")!;
    assert.ok(queries.every((q) => q.kind !== "number" || q.expected[0] === doc.url));
    const body = await readFile(path.join(dir, doc.issueKey, `${doc.url.split("/")[3]}.md`), "utf8");
    assert.ok(body.includes(texts.find((t) => t.id === doc.id)!.body), "the text is copied unchanged");
    assert.ok(namedDocuments([{ kind: "number", doc: "x" }]).has("x"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("queries are drawn by rule from the archive's titles and texts; a no-match query is in no document", () => {
  const docs = [
    { url: "/a/", title: "威海市城市风貌保护条例", text: "第一条 为了保护城市风貌，传承历史文化，根据有关法律，结合本市实际，制定本条例。" },
    { url: "/b/", title: "东营市城市供水条例", text: "第一条 为了加强城市供水管理，保障城市供水安全，制定本条例。" },
  ];
  const all = docs.map((d) => `${d.title}\n${d.text}`);
  const queries = drawQueries(docs, 1, (q) => all.some((t) => t.includes(q)));
  const of = (kind: string) => queries.filter((q) => q.kind === kind).map((q) => q.q);
  assert.equal(of("title"), docs.map((d) => d.title));
  assert.equal(of("fragment"), ["市城市风貌保", "营市城市供水"], "6 characters from the middle of the title");
  for (const q of [...of("phrase4"), ...of("compound")]) assert.ok(all.some((t) => t.includes(q)), q);
  assert.ok(of("phrase4").every((q) => q.length === 4) && of("compound").every((q) => q.length === 5));
  for (const q of of("nomatch")) assert.not.ok(all.some((t) => t.includes(q)), q);
  assert.equal(drawQueries(docs, 1, (q) => all.some((t) => t.includes(q))), queries, "deterministic");
});

test.run();

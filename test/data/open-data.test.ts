import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CSV_COLUMNS,
  documentRecord,
  documentRecordSchema,
  documentsCsv,
  citationsFileSchema,
  documentsFileSchema,
  historyFileSchema,
  dublinCoreMeta,
  issueRecord,
  issueRecordSchema,
  jsonLdScriptText,
  legislationJsonLd,
  openDataFiles,
  OPEN_DATA_SCHEMA,
} from "../../src/data/index.ts";

const schemaFields = (name: "DocumentRecord" | "IssueRecord") => Object.keys((OPEN_DATA_SCHEMA.$defs[name] as { properties: object }).properties).sort();
import { siteLinks } from "../../src/site/site-links.ts";
import { docView, issueView, SETTINGS } from "../helpers/site-views.ts";

const links = siteLinks("https://gazette.example.org/archive/", "/archive/");

test("a document record carries the metadata and the page URL, never the text", () => {
  const r = documentRecord(docView(), links);
  assert.equal(r, {
    title: "测试市人民政府关于印发2019年工作要点的通知",
    docNumbers: ["测政发〔2019〕1号"],
    issuers: ["测试市人民政府"],
    date: "2019-01-10",
    publication: "public",
    textPublished: true,
    section: "市政府文件",
    page: 1,
    issue: "2019-01",
    gazette: "测试市人民政府公报",
    issueLabel: "2019年第1期",
    url: "https://gazette.example.org/archive/2019/1/csf-2019-1/",
    validity: "unknown",
  });
  assert.equal(Object.keys(r).sort(), [...CSV_COLUMNS].sort(), "CSV has every field");
  assert.equal(Object.keys(r).sort(), schemaFields("DocumentRecord"), "schema documents every field");
  assert.equal(documentRecordSchema.parse(r), r);
});

test("an undated document has date null in open data and no date in linked data", () => {
  const doc = docView({ date: undefined, dateLabel: "未注明" });
  const record = documentRecord(doc, siteLinks(undefined, "/"));
  assert.is(record.date, null);
  assert.ok(documentRecordSchema.safeParse(record).success);
  assert.not.ok("legislationDate" in legislationJsonLd(doc, SETTINGS, siteLinks(undefined, "/")));
  assert.not.ok(dublinCoreMeta(doc, SETTINGS, siteLinks(undefined, "/")).some((t) => t.name === "DC.date"));
});

test("refuses to export a withheld or draft document", () => {
  for (const publication of ["withheld", "draft"] as const) {
    assert.throws(() => documentRecord(docView({ publication }), links), /must not be exported/);
  }
});

test("an issue record lists its documents and a missing page or date as null", () => {
  const r = issueRecord(issueView([docView({ page: undefined })]), siteLinks(undefined, "/"));
  assert.is(r.published, null);
  assert.is(r.documents[0]!.page, null);
  assert.is(r.url, "/2019/1/");
  assert.equal(Object.keys(r).sort(), schemaFields("IssueRecord"));
  assert.equal(issueRecordSchema.parse(r), r);
});

test("writes RFC 4180 CSV with a BOM, CRLF, quoted commas and quotes, and lists joined with ;", () => {
  const r = documentRecord(docView({ title: '关于"测试",一件事', docNumbers: ["测政发〔2019〕1号", "测政发〔2019〕2号"], issuers: ["甲", "乙"] }), links);
  const csv = documentsCsv([r]);
  assert.ok(csv.startsWith("\uFEFFtitle,docNumbers,issuers,date,"));
  const [, row] = csv.slice(1).split("\r\n");
  assert.ok(row!.startsWith('"关于""测试"",一件事",测政发〔2019〕1号;测政发〔2019〕2号,甲;乙,2019-01-10,public,true,'));
  assert.ok(csv.endsWith("\r\n"));
  assert.is(documentsCsv([]), `\uFEFF${CSV_COLUMNS.join(",")}\r\n`);
});

test("writes documents.json, documents.csv, citations.json, history.json, schema.json and one JSON per gazette issue", () => {
  const issue = issueView([docView()]);
  const site = { issues: [issue], documents: issue.documents, asOf: "2026-11-29", history: { available: false as const, reason: "not a git checkout" }, citations: [] };
  const files = openDataFiles(site, links);
  assert.equal(files.map((f) => f.path), ["/data/documents.json", "/data/documents.csv", "/data/citations.json", "/data/history.json", "/data/schema.json", "/data/issues/2019-01.json"]);
  assert.is(documentsFileSchema.parse(JSON.parse(files[0]!.text)).length, 1);
  assert.equal(citationsFileSchema.parse(JSON.parse(files[2]!.text)), { asOf: "2026-11-29", citations: [] });
  assert.equal(historyFileSchema.parse(JSON.parse(files[3]!.text)), { available: false, reason: "not a git checkout", documents: [] });
  assert.equal(JSON.parse(files[4]!.text), JSON.parse(JSON.stringify(OPEN_DATA_SCHEMA)));
  assert.is(JSON.parse(files[5]!.text).documents[0].title, "测试市人民政府关于印发2019年工作要点的通知");
});

test("describes a document as schema.org Legislation", () => {
  const ld = legislationJsonLd(docView(), SETTINGS, links);
  assert.is(ld["@type"], "Legislation");
  assert.is(ld.legislationIdentifier, "测政发〔2019〕1号");
  assert.equal(ld.legislationPassedBy, [{ "@type": "GovernmentOrganization", name: "测试市人民政府" }]);
  assert.is(ld.legislationDate, "2019-01-10");
  assert.is((ld.isPartOf as { url: string }).url, "https://gazette.example.org/archive/2019/1/");
  assert.equal(legislationJsonLd(docView({ docNumbers: ["A〔2019〕1号", "B〔2019〕2号"] }), SETTINGS, links).legislationIdentifier, ["A〔2019〕1号", "B〔2019〕2号"]);
  assert.not.ok("legislationIdentifier" in legislationJsonLd(docView({ docNumbers: [] }), SETTINGS, links));
});

test("JSON-LD text cannot close its script element", () => {
  const text = jsonLdScriptText({ name: "</script><script>alert(1)</script>&" });
  assert.not.ok(text.includes("<") || text.includes(">") || text.includes("&"));
  assert.is(JSON.parse(text).name, "</script><script>alert(1)</script>&");
});

test("gives Dublin Core tags for title, each issuer, date, each number, publisher and source", () => {
  const tags = dublinCoreMeta(docView({ issuers: ["甲", "乙"] }), SETTINGS, links);
  const names = tags.map((t) => `${t.name}=${t.content}`);
  for (const expected of ["DC.creator=甲", "DC.creator=乙", "DC.date=2019-01-10", "DC.identifier=测政发〔2019〕1号", "DC.publisher=测试市人民政府办公室", "DC.source=测试市人民政府公报2019年第1期"]) {
    assert.ok(names.includes(expected), expected);
  }
});

test.run();

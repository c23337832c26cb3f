import { test } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { loadArchiveOrThrow } from "../../src/content/index.ts";
import { proposeValidUntil } from "../../src/import/index.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { buildSiteData } from "../../src/site/index.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";

const archive = await loadArchiveOrThrow(path.join(PROJECT_ROOT, "issues"), PROJECT_ROOT);
const md = createMarkdown();

test("on the sample issue: the three cited provincial and Weihai numbers are found and are outside the archive", () => {
  const site = buildSiteData(archive, md, { asOf: "2026-11-29" });
  assert.equal(
    site.citations.map((c) => `${c.from.join()} → ${c.to} ${c.inArchive ? "in archive" : "external"}`),
    ["乳政办发〔2019〕4号 → 鲁政办发〔2018〕4号 external", "乳政办发〔2019〕4号 → 威政办发〔2019〕3号 external", "乳政办发〔2019〕5号 → 鲁政发〔2016〕20号 external"],
  );
  const byNumber = (n: string) => site.documents.find((d) => d.docNumbers.includes(n))!;
  assert.equal(byNumber("乳政办发〔2019〕4号").basis, ["鲁政办发〔2018〕4号", "威政办发〔2019〕3号"]);
  assert.equal(byNumber("乳政任〔2019〕2号").citations, [], "the 任免 list's own numbers in its text are not citations");
  assert.not.match(byNumber("乳政办发〔2019〕4号").html, "〔偏执性精神病〕</a>");
});

test("on the sample issue: 乳政办发〔2019〕5号 is 有效 on 2022-12-31 and 已失效 from 2023-01-01; the others are 未标注", () => {
  const on = (asOf: string) => buildSiteData(archive, md, { asOf }).documents.map((d) => `${d.docNumbers[0] ?? d.slug} ${d.validity.label}`);
  assert.ok(on("2022-12-31").includes("乳政办发〔2019〕5号 有效"));
  assert.equal(on("2023-01-01"), ["乳政发〔2019〕2号 未标注", "乳政办发〔2019〕4号 未标注", "乳政办发〔2019〕5号 已失效", "乳政办发〔2019〕6号 未标注", "乳政任〔2019〕2号 未标注"]);
});

test("the importer proposes validUntil from 有效期至 phrases, in Arabic or Chinese numerals and with OCR spaces", () => {
  assert.equal(proposeValidUntil("本办法自发布之日起施行，有效期至2022年12月31日。"), { date: "2022-12-31", phrase: "有效期至2022年12月31日" });
  assert.equal(proposeValidUntil("有效期至 2022 年 12 月 31 日"), { date: "2022-12-31", phrase: "有效期至2022年12月31日" });
  assert.equal(proposeValidUntil("本意见有效期截至二〇二三年六月三十日。")?.date, "2023-06-30");
  assert.is(proposeValidUntil("本办法自2019年6月4日起施行，有效期5年。"), null);
  assert.is(proposeValidUntil("有效期至2022年2月30日"), null);
});

test.run();

import { test } from "uvu";
import * as assert from "uvu/assert";
import { footerRows } from "../../src/site/footer.ts";
import { loadArchive } from "../../src/content/index.ts";
import { rm } from "node:fs/promises";
import { tempArchive } from "../helpers/temp-archive.ts";

test("footer rows hold only the fields that are set, publisher first", () => {
  assert.equal(footerRows({ title: "公报", publisher: "办公室", lang: "zh-CN" }), [[{ label: "主办", text: "办公室" }]]);
  const rows = footerRows({ title: "公报", publisher: "办公室", lang: "zh-CN", icpRecord: "鲁ICP备05002386号", errorReport: "https://example.gov.cn/jiucuo" });
  assert.equal(rows.slice(1), [[{ label: "", text: "鲁ICP备05002386号", href: "https://beian.miit.gov.cn/" }], [{ label: "", text: "纠错", href: "https://example.gov.cn/jiucuo" }]]);
});

test("the schema checks the footer fields and says what is expected, in Chinese", async () => {
  const dir = await tempArchive({ "archive.yml": "title: 公报\npublisher: 办公室\nsiteCode: 12345\nicpRecord: ICP 12345\npoliceRecord: 公安备案123\npartyGovLink: http://conac.cn/x\nerrorReport: javascript:alert(1)\n" });
  try {
    const { findings } = await loadArchive(dir, dir);
    const mine = findings.filter((f) => f.file === "archive.yml");
    for (const [line, zh] of [[3, /网站标识码（siteCode）应为 10 位字母或数字/], [4, /ICP备案号（icpRecord）应为 ICP 备案号/], [5, /公安机关备案号（policeRecord）应为公安机关备案号/], [6, /党政机关网站标识（partyGovLink）应为以 https:\/\/ 开头/], [7, /纠错（errorReport）应为以 https:\/\/ 或 mailto: 开头/]] as const) {
      assert.ok(mine.some((f) => f.line === line && f.severity === "error" && zh.test(f.message)), `line ${line} ${zh}:\n${mine.map((f) => `${f.line} ${f.message}`).join("\n")}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();

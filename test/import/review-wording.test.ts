import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { importDump } from "../../src/import/index.ts";
import { asPrinted } from "../../src/import/import-dump.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { runScripts } from "../helpers/run-scripts.ts";

const JOINT = readFileSync(path.join(PROJECT_ROOT, "test/fixtures/import/joint-masthead.txt"), "utf8");
const lineOf = (text: string) => JOINT.split("\n").indexOf(text) + 1;

test("a joint masthead is cited from its own lines, with the title line and the signature agreeing", () => {
  const r = importDump(JOINT);
  const d = r.documents[0]!;
  assert.equal(d.fields.issuers, ["白鹭市财政局", "白鹭市民政局"]);
  assert.is(d.fields.unsure.issuer, undefined);
  const [first, title, signature] = [lineOf("白鹭市财政局　白鹭市民政局"), JOINT.split("\n").lastIndexOf("白鹭市财政局　白鹭市民政局") + 1, lineOf("　　　　　白鹭市财政局　　　　白鹭市民政局")];
  assert.is(d.fields.evidence.issuer, `版头“白鹭市财政局　白鹭市民政局”“文件”（底本第${first}–${first + 1}行）；与标题首行“白鹭市财政局　白鹭市民政局”（底本第${title}行）、署名“白鹭市财政局　　　　白鹭市民政局”（底本第${signature}行）一致`);
  assert.match(r.files["_review.md"]!, `| 发文机关 | 白鹭市财政局；白鹭市民政局 | 版头“白鹭市财政局　白鹭市民政局”“文件”（底本第${first}–${first + 1}行）；与`);
});

test("a masthead naming other organs than the title's first line is 待核", () => {
  const d = importDump(JOINT.replace("白鹭市财政局　白鹭市民政局\n文件", "白鹭市财政局　白鹭市人力资源和社会保障局\n文件")).documents[0]!;
  assert.match(d.fields.unsure.issuer ?? "", /版头“白鹭市财政局　白鹭市人力资源和社会保障局”“文件”（底本第\d+–\d+行）与标题首行/);
});

test("the editor's note shows cover and 目录 lines as printed: no Markdown marks, letter-spacing collapsed and said", () => {
  assert.equal(asPrinted("## 【部门文件】"), { text: "【部门文件】", spaced: false });
  assert.equal(asPrinted("青 岚 市 交 通 运 输 局 关 于 公 布 城 市 公 交 线 路 调 整 方 案 的 公告…………（6）"), { text: "青岚市交通运输局关于公布城市公交线路调整方案的公告…………（6）", spaced: true });
  assert.equal(asPrinted("青岚市财政局 青岚市教育体育局关于下达"), { text: "青岚市财政局 青岚市教育体育局关于下达", spaced: false }, "a space between names stays");
  const dump = JOINT.replace("白鹭市人民政府公报\n", "# 白鹭市人民政府公报\n").replace("【部门文件】", "## 【部门文件】").replace("目　　录", "# 目 录").replace("白鹭市财政局　白鹭市民政局关于发放临时价格补贴的通知…… 3", "白 鹭 市 财 政 局　白 鹭 市 民 政 局 关 于 发 放 临 时 价 格 补 贴 的 通 知…… 3");
  const r = importDump(dump);
  assert.is(r.documents.length, 1);
  const note = r.files["_editors-note.md"]!;
  assert.not.match(note, /\| `#/);
  assert.match(note, /\| `白鹭市人民政府公报` \| 封面 \|/);
  assert.match(note, /\| `白鹭市财政局　白鹭市民政局关于发放临时价格补贴的通知…… 3` \| 目录（原件字间加空印出，此处去掉字间空格） \|/);
});

test("fields to check are named in Chinese, the key in brackets; the usage line of npm run import is Chinese", async () => {
  const unsure = importDump(JOINT.replace("　　　　　白鹭市财政局　　　　白鹭市民政局\n", "")).files["_editors-note.md"]!;
  assert.match(unsure, /待核字段：\n\n- 成文日期（`date`）：未找到署名下的成文日期/);
  assert.not.match(unsure, /^- `[a-zA-Z]+`：/m);
  const [help] = await runScripts([{ script: "import.ts", args: ["--help"] }]);
  assert.is(help!.code, 0, help!.out);
  assert.match(help!.out, /用法：npm run import -- <公报\.pdf\|底本\.md\|底本\.txt>/);
  assert.not.match(help!.out, /see README|issue\.pdf|dump\.md/);
});

test.run();

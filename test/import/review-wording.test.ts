import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { importDump } from "../../src/import/index.ts";
import { PROJECT_ROOT } from "../helpers/temp-archive.ts";

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

test.run();

import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { changedPlaces, readGitHistory } from "../../src/relations/index.ts";

const run = promisify(execFile);

/** A temporary git repository with `issues/2019-01/`; `commit` writes files and commits them on a given day. */
async function repo() {
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-history-"));
  const content = path.join(dir, "issues");
  await mkdir(path.join(content, "2019-01"), { recursive: true });
  const git = async (args: string[], date = "2020-01-01T10:00:00+08:00") =>
    await run("git", args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: "编辑", GIT_AUTHOR_EMAIL: "e@example.org", GIT_COMMITTER_NAME: "编辑", GIT_COMMITTER_EMAIL: "e@example.org", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  await git(["init", "-q", "-b", "main"]);
  return {
    dir,
    content,
    git,
    commit: async (files: Record<string, string | null>, message: string, day: string) => {
      for (const [rel, text] of Object.entries(files)) {
        const file = path.join(dir, rel);
        if (text === null) await rm(file);
        else {
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, text);
        }
      }
      await git(["add", "-A"]);
      await git(["commit", "-q", "-m", message], `${day}T10:00:00+08:00`);
    },
  };
}

const doc = (fields: { docNumber?: string; publication?: string; title?: string }, body: string) =>
  `---\ntitle: "${fields.title ?? "测试市人民政府关于加强管理的通知"}"\ndocNumber: "${fields.docNumber ?? "测政发〔2019〕1号"}"\nissuer: "测试市人民政府"\ndate: 2019-03-01\npublication: ${fields.publication ?? "public"}\nsection: "市政府文件"\n---\n\n${body}`;

const BODY = "第一段，加强管理工作。\n\n第二段，按期报送材料。\n\n第三段，自发布之日起施行。\n";
const A = "issues/2019-01/csf-2019-1.md";

test("published, corrected twice, touched by code, withheld and made public again: exactly the two corrections, in Chinese, no removed text", async () => {
  const r = await repo();
  try {
    await r.commit({ [A]: doc({ docNumber: "测政发〔2019〕11号" }, BODY) }, "Project skeleton: content model, Markdown, Eleventy plugin", "2020-03-01");
    await r.commit({ [A]: doc({}, BODY) }, "fix number", "2020-04-02");
    const corrected = BODY.replace("加强管理", "加强安全管理").replace("自发布之日起", "自2019年4月1日起");
    await r.commit({ [A]: doc({}, corrected) }, "Typos\n\n修订说明：据印刷本更正正文两处", "2020-05-03");
    await r.commit({ "src/code.ts": "export const x = 1;\n" }, "Refactor the build", "2020-06-04");
    await r.commit({ [A]: doc({}, corrected.replace("第二段，按期报送材料。", "第二段，\n按期报送材料。")) }, "Re-wrap lines", "2020-06-05");
    await r.commit({ [A]: doc({ publication: "withheld" }, corrected + "\n内部意见：暂缓公开，涉及机密安排。\n") }, "Withhold for review", "2020-07-06");
    await r.commit({ [A]: doc({}, corrected) }, "Publish again", "2020-08-07");
    const history = await readGitHistory(r.content);
    assert.ok(history.available);
    if (!history.available) return;
    assert.equal(history.files.get("2019-01/csf-2019-1.md"), {
      added: "2020-03-01",
      revisions: [
        { date: "2020-04-02", description: "更正发文字号" },
        { date: "2020-05-03", description: "正文修改2处（修订说明：据印刷本更正正文两处）" },
      ],
    });
    const text = JSON.stringify([...history.files.values()]);
    for (const hidden of ["Project skeleton", "fix number", "Typos", "Refactor", "Re-wrap", "Withhold", "Publish again", "机密", "不予公开", "withheld", "11号"]) {
      assert.not.ok(text.includes(hidden), `no "${hidden}" in the public history`);
    }
  } finally {
    await rm(r.dir, { recursive: true, force: true });
  }
});

test("a moved file keeps its history and the move is not listed; a change of publication between public and on-request is said in Chinese", async () => {
  const r = await repo();
  try {
    await r.commit({ [A]: doc({}, BODY) }, "add", "2020-03-01");
    await r.git(["mv", A, "issues/2019-01/moved.md"]);
    await r.git(["commit", "-q", "-m", "move"], "2020-04-01T10:00:00+08:00");
    await r.commit({ "issues/2019-01/moved.md": doc({ publication: "on-request" }, BODY) }, "x", "2020-05-01");
    const history = await readGitHistory(r.content);
    assert.ok(history.available);
    if (history.available) assert.equal(history.files.get("2019-01/moved.md"), { added: "2020-03-01", revisions: [{ date: "2020-05-01", description: "公开方式由主动公开改为依申请公开" }] });
  } finally {
    await rm(r.dir, { recursive: true, force: true });
  }
});

test("history ends where a file was deleted: a new document under the same name starts its own", async () => {
  const r = await repo();
  try {
    await r.commit({ [A]: doc({}, BODY) }, "old", "2020-03-01");
    await r.commit({ [A]: doc({ title: "旧文件的更正标题" }, BODY) }, "old fix", "2020-03-02");
    await r.commit({ [A]: null }, "delete", "2020-04-01");
    await r.commit({ [A]: doc({ docNumber: "测政发〔2019〕2号" }, "另一件文件的正文。\n") }, "new", "2020-05-01");
    const history = await readGitHistory(r.content);
    assert.ok(history.available);
    if (history.available) assert.equal(history.files.get("2019-01/csf-2019-1.md"), { added: "2020-05-01", revisions: [] });
  } finally {
    await rm(r.dir, { recursive: true, force: true });
  }
});

test("a draft that is published starts its history at publication; its draft text is never compared", async () => {
  const r = await repo();
  try {
    await r.commit({ [A]: doc({ publication: "draft" }, "草稿文字。\n") }, "draft", "2020-03-01");
    await r.commit({ [A]: doc({}, BODY) }, "publish", "2020-03-05");
    const history = await readGitHistory(r.content);
    assert.ok(history.available);
    if (history.available) assert.equal(history.files.get("2019-01/csf-2019-1.md"), { added: "2020-03-05", revisions: [] });
  } finally {
    await rm(r.dir, { recursive: true, force: true });
  }
});

test("counts the places where a text changed, whitespace ignored", () => {
  assert.is(changedPlaces("甲乙丙丁", "甲乙丙丁"), 0);
  assert.is(changedPlaces("甲乙\n丙丁", "甲乙丙丁"), 0);
  assert.is(changedPlaces("甲乙丙丁戊己", "甲X丙丁戊Y"), 2);
  assert.is(changedPlaces("甲乙丙", "甲丙"), 1);
});

test.run();

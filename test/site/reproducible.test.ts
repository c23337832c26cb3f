import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildSite } from "../../src/build/index.ts";
import { listFiles } from "../helpers/site-files.ts";
import { PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

const run = promisify(execFile);
let work = "";
let content = "";

before(test, async () => {
  work = await mkdtemp(path.join(tmpdir(), "gazette-repro-"));
  content = await tempArchive({ "archive.yml": "title: 测试市人民政府公报\npublisher: 测试市人民政府办公室\nurl: https://gazette.example.org/\n" });
});

after(test, async () => {
  await rm(work, { recursive: true, force: true });
  await rm(content, { recursive: true, force: true });
});

const AS_OF = "2026-11-29";

/**
 * Builds the fixture archive with `npm run build` in a fresh process in time zone `tz`, without
 * PDFs (as this test did before the build made them; PDF bytes across runs are tested in
 * test/print/pdf.test.ts and press.test.ts).
 */
async function buildIn(tz: string): Promise<string> {
  const out = path.join(work, tz.replace("/", "-"));
  await run(process.execPath, ["--import", "tsx", "scripts/build.ts", "--content", content, "--output", out, "--no-pdf"], {
    cwd: PROJECT_ROOT,
    // The as-of date of 有效性 is pinned so that builds either side of midnight in Shanghai compare
    // equal; that the default (today in Asia/Shanghai) ignores TZ is tested in test/relations/.
    env: { ...process.env, TZ: tz, GAZETTE_AS_OF: AS_OF },
  });
  return out;
}

/**
 * The same build in this process with its time zone switched to `tz` (Node applies a new
 * `process.env.TZ` at once; restored afterwards): one Node start-up less than {@link buildIn}.
 */
async function buildHere(tz: string): Promise<string> {
  const out = path.join(work, `here-${tz.replace("/", "-")}`);
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    assert.is(Intl.DateTimeFormat().resolvedOptions().timeZone, tz, "the time zone is switched");
    const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out, asOf: AS_OF, pdfs: false });
    assert.ok(result.ok, result.error);
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
  return out;
}

test("builds of the same content in UTC, Asia/Shanghai and America/Los_Angeles give byte-identical sites", async () => {
  const a = await buildHere("Asia/Shanghai");
  const files = await listFiles(a);
  assert.ok(files.some((f) => f.startsWith("pagefind/")) && files.includes("feeds/documents.xml") && files.includes("sitemap.xml"));
  for (const [tz, b] of [["America/Los_Angeles (npm run build)", await buildIn("America/Los_Angeles")], ["UTC", await buildHere("UTC")]] as const) {
    assert.equal(await listFiles(b), files, `same file names in ${tz}`);
    for (const f of files) {
      const same = (await readFile(path.join(a, f))).equals(await readFile(path.join(b, f)));
      assert.ok(same, `${f} differs between the Asia/Shanghai and ${tz} builds`);
    }
  }
});

test.run();

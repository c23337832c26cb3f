import { test } from "uvu";
import * as assert from "uvu/assert";
import Eleventy from "@11ty/eleventy";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/index.ts";
import { configureGazette } from "../../src/site/index.ts";
import { loadArchive } from "../../src/content/index.ts";
import { FIXTURE_ARCHIVE, PROJECT_ROOT } from "../helpers/temp-archive.ts";
import { after, before } from "../helpers/hooks.ts";

/**
 * Hostile files a contributor could put into `issues/`: each would write `side` (a file outside
 * the project) and print a marker if it ran. Nunjucks reaches JavaScript through
 * `range.constructor` (the attack the security review used).
 */
function hostileFiles(side: string): Record<string, string> {
  const js = `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(side)}, 'ran')`;
  return {
    "plain.njk": `RAN-NJK {{ range.constructor("${js.replace(/"/g, '\\"')}")() }}`,
    "liquid-page.liquid": "RAN-LIQUID {{ 'x' | upcase }}",
    "code.11ty.js": `export default function () { ${js}; return "RAN-11TYJS"; }`,
    "html-page.html": "<p>RAN-HTML</p>",
  };
}

let work = "";
before(test, async () => {
  work = await mkdtemp(path.join(tmpdir(), "gazette-hostile-"));
});
after(test, async () => {
  await rm(work, { recursive: true, force: true });
});

test("Eleventy renders none of the template files in the project, even with every template format turned on", async () => {
  // A project folder like the repository: its own config and layouts, and an issues/ folder
  // (and the root) holding hostile files. The plugin reads a clean copy of the fixture archive.
  const root = path.join(work, "project");
  const side = path.join(work, "side-effect-eleventy.txt");
  await mkdir(path.join(root, "issues/2019-01"), { recursive: true });
  for (const name of ["eleventy.config.ts", "_includes", "src", "node_modules", "package-lock.json"]) await symlink(path.join(PROJECT_ROOT, name), path.join(root, name));
  for (const [name, text] of Object.entries(hostileFiles(side))) {
    await writeFile(path.join(root, "issues", name), text);
    await writeFile(path.join(root, "issues/2019-01", name), text);
    await writeFile(path.join(root, name), text);
  }
  const content = path.join(work, "clean-content");
  await cp(FIXTURE_ARCHIVE, content, { recursive: true });
  // The project's own configuration (configureGazette, as buildSite and eleventy.config.ts use it),
  // with every template format switched on afterwards.
  const eleventy = new Eleventy(root, path.join(work, "out"), {
    configPath: false,
    quietMode: true,
    config: (config) => {
      configureGazette(config, { root, contentDir: content, search: false });
      config.setTemplateFormats(["njk", "liquid", "11ty.js", "html", "md"]);
    },
  });
  eleventy.disableLogger();
  const pages: { url: string | false; inputPath: string; content: string }[] = await eleventy.toJSON();
  assert.ok(pages.length > 10, `the registered pages are rendered (${pages.length})`);
  assert.ok(pages.some((p) => p.url === "/2019/1/csf-2019-1/"), "a document page is there");
  const fromFiles = pages.filter((p) => !p.inputPath.includes("/gazette/"));
  assert.equal(fromFiles.map((p) => p.inputPath), [], "every page comes from a virtual template of the plugin");
  assert.not.ok(pages.some((p) => /RAN-/.test(p.content)), "no hostile marker in any output");
  assert.not.ok(existsSync(side), "no side effect file was written");
});

test("npm run check reports each template file in issues/ and the build stops before anything runs", async () => {
  const content = path.join(work, "hostile-content");
  const side = path.join(work, "side-effect-build.txt");
  await cp(FIXTURE_ARCHIVE, content, { recursive: true });
  for (const [name, text] of Object.entries(hostileFiles(side))) {
    await writeFile(path.join(content, name), text);
    await writeFile(path.join(content, "2019-01", name), text);
  }
  const { archive, findings } = await loadArchive(content, work);
  assert.is(archive, null);
  for (const folder of ["hostile-content", "hostile-content/2019-01"]) {
    for (const name of Object.keys(hostileFiles(side))) {
      const hit = findings.find((f) => f.file === `${folder}/${name}`);
      assert.ok(hit, `${folder}/${name} is reported`);
      assert.is(hit!.severity, "error");
      assert.match(hit!.message, /模板或脚本文件/);
      assert.match(hit!.fix, /删除它/);
    }
  }
  const out = path.join(work, "_site");
  const result = await buildSite({ root: PROJECT_ROOT, contentDir: content, outputDir: out, search: false });
  assert.not.ok(result.ok);
  assert.match(result.error, /plain\.njk/);
  assert.not.match(result.error, /\n\s+at /, "no stack trace");
  assert.not.ok(existsSync(out), "no output was written");
  assert.not.ok(existsSync(side), "no side effect file was written");
});

test.run();

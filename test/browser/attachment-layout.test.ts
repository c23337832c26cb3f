import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import * as sass from "sass";
import type { Browser } from "playwright-core";
import { createMarkdown } from "../../src/markdown/index.ts";
import { markPrintBody } from "../../src/print/index.ts";
import { THEME_ENTRY } from "../../src/site/index.ts";
import { PRINT_THEME_ENTRY } from "../../src/print/print-assets.ts";
import { layoutScssVariables } from "../../src/print/layout.ts";
import { releaseBrowser, sharedBrowser } from "../helpers/browser.ts";

// GB/T 9704-2012 §7.3.4: 附件： two characters in; each further attachment name on its own line,
// aligned with the first name. Measured in real Chromium with the site and print stylesheets,
// on a note typed with full-width indents and its names set apart by blank lines.
const BODY = "　　现将有关事项通知如下。\n\n　　附件：1. 测试市重点项目日程安排表\n\n　　　　　2. 联系人名单\n\n　　　　　3．经费预算表\n";

/** Left edges (px, from the paragraph's box) of the paragraph before the note, of each line of the note and of each attachment number; `em` is the note's font size. */
interface Measured {
  paragraph: number;
  note: number[];
  numbers: number[];
  em: number;
}

const MEASURE = `(() => {
  const left = (node, at) => { const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 1); return r.getBoundingClientRect().left; };
  const textNodes = (el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== "");
  const [first, note] = [...document.querySelectorAll("p")];
  const lines = textNodes(note);
  const edge = note.getBoundingClientRect().left;
  return {
    paragraph: left(textNodes(first)[0], 0) - first.getBoundingClientRect().left,
    note: lines.map((n) => left(n, 0) - edge),
    numbers: lines.map((n, i) => left(n, i === 0 ? n.textContent.indexOf("1") : 0) - edge),
    em: parseFloat(getComputedStyle(note).fontSize),
  };
})()`;

/** Lays out `html` in a new page of `browser` and measures it (see {@link Measured}). */
async function measure(browser: Browser, html: string): Promise<Measured> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    // A script as text: tsx would add its __name helper to a function handed to the page.
    return (await page.evaluate(MEASURE)) as Measured;
  } finally {
    await page.close();
  }
}

test("each attachment name has its own line, aligned under the first name, two characters in like the body (site and print)", async () => {
  const browser = await sharedBrowser();
  try {
    const body = createMarkdown().render(BODY);
    const siteCss = sass.compile(THEME_ENTRY, { style: "compressed" }).css;
    const site = await measure(browser, `<!doctype html><html lang="zh-CN"><style>${siteCss}</style><body><div class="document__body">${body}</div></body></html>`);
    const printSource = `${layoutScssVariables()}\n${await readFile(PRINT_THEME_ENTRY, "utf8")}`;
    const printCss = sass.compileString(printSource, { style: "compressed", url: pathToFileURL(PRINT_THEME_ENTRY) }).css;
    const print = await measure(browser, `<!doctype html><html lang="zh-CN"><style>${printCss}</style><body class="gbt"><div class="document__body">${markPrintBody(body)}</div></body></html>`);
    for (const [name, m] of [["site", site], ["print", print]] as const) {
      const show = `${name}: ${JSON.stringify(m)}`;
      assert.is(m.note.length, 3, `three lines: ${show}`);
      assert.ok(Math.abs(m.note[0]! - m.paragraph) < 0.5, `附件： starts where a body paragraph starts (no double indent): ${show}`);
      assert.ok(m.paragraph > 1.5 * m.em && m.paragraph < 2.6 * m.em, `two characters in: ${show}`);
      assert.ok(Math.abs(m.numbers[1]! - m.numbers[0]!) < 0.5 && Math.abs(m.numbers[2]! - m.numbers[0]!) < 0.5, `2. and 3. stand under 1.: ${show}`);
    }
  } finally {
    await releaseBrowser();
  }
});

test.run();

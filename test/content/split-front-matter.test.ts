import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkRawText } from "../../src/content/checks/index.ts";
import { splitFrontMatter } from "../../src/content/index.ts";

/** What `splitFrontMatter` gave when it split the whole file into lines (the reference its results must equal). */
function referenceSplit(text: string): { frontMatter: string; body: string; bodyLine: number } | null {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return null;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  if (end < 0) return null;
  return { frontMatter: lines.slice(1, end).join("\n"), body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 };
}

/** Seeded random files made of the pieces that matter: ---, line ends of every kind, spaces, tabs, text. */
function randomFiles(count: number, seed: number): string[] {
  const pieces = ["---", "---", " --- ", "\n", "\n", "\r\n", "\r", "\t", "title: 通知", "正文", "", "-- -", "\uFEFF"];
  let s = seed >>> 0;
  const next = (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: next(14) }, () => pieces[next(pieces.length)]!).join(""));
}

const cases: [name: string, text: string][] = [
  ["plain front matter and body", "---\ntitle: 通知\n---\n正文\n"],
  ["Windows line ends", "---\r\ntitle: 通知\r\n---\r\n正文\r\n第二段\r\n"],
  ["empty front matter", "---\n---\n正文"],
  ["closing line last, no body", "---\ntitle: x\n---"],
  ["spaces around the markers", " --- \ntitle: x\n---  \n\n正文"],
  ["a lone carriage return kept", "---\na\r\r\n---\nb\rc\r\n"],
  ["an empty line of only a carriage return before the closing line", "---\nx\n\r\n---\nbody"],
  ["no closing line", "---\ntitle: x\n正文"],
  ["no opening line", "title: x\n---\n"],
  ["only the opening line", "---"],
];

for (const [name, text] of cases) {
  test(`splits the front matter as line by line: ${name}`, () => {
    assert.equal(splitFrontMatter(text), referenceSplit(text));
  });
}

test("splits 3,000 random files exactly as splitting every line would", () => {
  for (const text of randomFiles(3000, 11)) assert.equal(splitFrontMatter(text), referenceSplit(text), JSON.stringify(text));
});

test("finds tabs only in the first lines it is told to read, at the right line and column", () => {
  const text = "---\ntitle:\tx\n---\n正文\t有制表符\n";
  assert.equal(checkRawText(text, "a.md", 3).map((f) => [f.line, f.column]), [[2, 7]]);
  assert.equal(checkRawText(text, "a.md").map((f) => [f.line, f.column]), [[2, 7], [4, 3]]);
  assert.equal(checkRawText("a:\tx", "a.yml").map((f) => [f.line, f.column]), [[1, 3]]);
  // A tab in the indentation is left to the YAML check, which says it once as an error.
  assert.equal(checkRawText("a:\n\t- x\n  \t- y", "a.yml"), []);
});

test.run();

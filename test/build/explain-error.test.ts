import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFile } from "node:fs/promises";
import { explainError } from "../../src/build/index.ts";

test("a file that does not exist is named plainly, without Node's ENOENT code", async () => {
  const err = await readFile("/no/such/dump.md").catch((e: unknown) => e);
  const text = explainError(err);
  assert.is(text, "there is no file or folder /no/such/dump.md (check the path)");
});

test("a folder given where a file is expected says so", async () => {
  const err = await readFile("/").catch((e: unknown) => e);
  assert.is(explainError(err), "a folder was given where a file is expected");
});

test("other errors keep their message chain", () => {
  assert.is(explainError(new Error("outer", { cause: new Error("inner") })), "outer\n  caused by: inner");
});

test.run();

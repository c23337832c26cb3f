import { test } from "uvu";
import * as assert from "uvu/assert";
import { findChromium } from "../../src/browser/index.ts";

test("CHROMIUM_PATH wins when it points at a file", () => {
  assert.is(findChromium(process.execPath), process.execPath);
});

test("a CHROMIUM_PATH to nothing gives a clear message", () => {
  assert.throws(() => findChromium("/nowhere/chromium"), /CHROMIUM_PATH 指向 \/nowhere\/chromium，但那里没有文件/);
});

test.run();

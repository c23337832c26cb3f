import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { launchChromium } from "../../src/browser/index.ts";

// npm run pdf -- --browser msedge|chrome: playwright-core's channel, for a print shop's Windows or
// macOS machine. Neither is installed on this Linux machine, so the message is what can be tested.
test("asks, in Chinese, for Chrome or Edge when the named browser is not installed", async () => {
  if (existsSync("/opt/microsoft/msedge/msedge")) return; // Edge installed: nothing to refuse
  const message = await launchChromium({ channel: "msedge" }).then(
    async (b) => {
      await b.close();
      return "launched";
    },
    (err: Error) => err.message,
  );
  assert.match(message, /找不到浏览器 msedge（--browser msedge）— 请安装 Google Chrome（chrome）或 Microsoft Edge（msedge）/);
});

test.run();

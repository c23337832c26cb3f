import { test } from "uvu";
import * as assert from "uvu/assert";
import { normalizePathPrefix, siteLinks } from "../../src/site/site-links.ts";

test("normalises a path prefix to start and end with a slash", () => {
  const rows: [string | undefined, string][] = [
    [undefined, "/"],
    ["", "/"],
    ["/", "/"],
    ["gazette", "/gazette/"],
    ["/gazette", "/gazette/"],
    ["/gazette/", "/gazette/"],
    ["//a//b/", "/a/b/"],
  ];
  for (const [input, expected] of rows) assert.is(normalizePathPrefix(input), expected, String(input));
});

test("rejects a prefix that is not a plain path", () => {
  for (const bad of ["https://x.gov.cn/gazette/", "/gazette/?a=1", "/gazette/#top"]) {
    assert.throws(() => normalizePathPrefix(bad), /应为网址路径/);
  }
});

test("writes site paths with the prefix, and absolute URLs only with a base URL", () => {
  const rows: [string | undefined, string | undefined, string, string, string | undefined][] = [
    [undefined, undefined, "/2019/2/", "/2019/2/", undefined],
    [undefined, "/gazette/", "/2019/2/", "/gazette/2019/2/", undefined],
    ["https://x.gov.cn/gazette/", "/gazette/", "/2019/2/", "/gazette/2019/2/", "https://x.gov.cn/gazette/2019/2/"],
    ["https://x.gov.cn/gazette", undefined, "/feeds/issues.xml", "/feeds/issues.xml", "https://x.gov.cn/gazette/feeds/issues.xml"],
    ["https://x.gov.cn/", undefined, "/", "/", "https://x.gov.cn/"],
  ];
  for (const [base, prefix, sitePath, href, absolute] of rows) {
    const links = siteLinks(base, prefix);
    assert.is(links.href(sitePath), href);
    assert.is(links.absolute(sitePath), absolute);
    assert.is(links.best(sitePath), absolute ?? href);
  }
});

test.run();

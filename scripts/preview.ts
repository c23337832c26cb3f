/**
 * `npm run preview [-- --port 8080] [--output _site] [--path-prefix /gazette/]`: serves the built
 * site folder exactly as built (no rebuild, no live reload, nothing added to the pages) at
 * http://127.0.0.1:<port>/, with the Content-Security-Policy header the README asks hosts to
 * send and `404.html` for missing pages, as a static host would.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { STRICT_CSP } from "../src/build/csp.ts";
import { serveStatic } from "../src/browser/index.ts";
import { explainError } from "../src/build/explain-error.ts";
import { EditorError, say } from "../src/i18n/index.ts";
import { normalizePathPrefix } from "../src/site/site-links.ts";
import { parseCliArgs } from "../src/util/index.ts";

try {
  const { values } = parseCliArgs({
    options: { port: { type: "string", default: "8080" }, output: { type: "string", default: "_site" }, "path-prefix": { type: "string" } },
  }, "npm run preview [-- --port 8080] [--output _site] [--path-prefix /gazette/]");
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new EditorError({ zh: `--port 应为 1–65535 的端口号，现为“${values.port}”`, en: `--port must be a port number 1–65535, got "${values.port}"` });
  const dir = path.resolve(values.output);
  if (!existsSync(path.join(dir, "index.html"))) {
    throw new EditorError({ zh: `${values.output}/ 中还没有生成的网站：请先运行 npm run build`, en: `${values.output}/ holds no built site: run npm run build first` });
  }
  const prefix = normalizePathPrefix(values["path-prefix"] ?? process.env.GAZETTE_PATH_PREFIX);
  const server = await serveStatic(dir, prefix, { "Content-Security-Policy": STRICT_CSP }, port);
  const url = `${server.url}${prefix}`;
  console.log(say({ zh: `正在按发布后的样子预览 ${values.output}/：${url}（不重新生成、不自动刷新；按 Ctrl-C 停止）`, en: `Serving ${values.output}/ exactly as built at ${url} (no rebuild, no live reload; Ctrl-C stops)` }));
} catch (err) {
  console.error(say({ zh: `npm run preview 没能启动：${explainError(err)}`, en: `npm run preview could not start: ${explainError(err)}` }));
  process.exit(1);
}

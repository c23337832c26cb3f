/**
 * `npm start [-- --port 8080] [-- --content issues] [-- --output _site]`: build, then serve at
 * http://localhost:8080/ with live reload (see serveSite).
 */
import { serveSite } from "../src/build/index.ts";
import { explainError } from "../src/build/explain-error.ts";
import { EditorError, say } from "../src/i18n/index.ts";
import { parseCliArgs } from "../src/util/index.ts";

const { values } = parseCliArgs({ options: { port: { type: "string", default: "8080" }, content: { type: "string" }, output: { type: "string" } } }, "npm start [-- --port 8080] [--content DIR] [--output DIR]");
try {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new EditorError({ zh: `--port 应为 1–65535 的端口号，现为“${values.port}”`, en: `--port must be a port number 1–65535, got "${values.port}"` });
  const server = await serveSite({
    port,
    ...(values.content ? { contentDir: values.content } : {}),
    ...(values.output ? { outputDir: values.output } : {}),
  });
  console.log(say({ zh: `正在预览 ${server.url} — 修改内容文件夹中的文件并保存，页面会自动更新；按 Ctrl-C 停止。`, en: `Serving ${server.url} — edit files under the content folder and save; Ctrl-C stops.` }));
} catch (err) {
  console.error(say({ zh: `npm start 没能启动：${explainError(err)}`, en: `npm start could not start: ${explainError(err)}` }));
  process.exit(1);
}

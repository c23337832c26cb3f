/**
 * `npm start [-- --port 8080] [-- --host 127.0.0.1] [-- --content issues] [-- --output _site]`:
 * build, then serve at http://127.0.0.1:8080/ (this machine only, unless --host) with live
 * reload (see serveSite).
 */
import { serveSite } from "../src/build/index.ts";
import { explainError } from "../src/build/explain-error.ts";
import { EditorError, say } from "../src/i18n/index.ts";
import { parseCliArgs } from "../src/util/index.ts";
import { settingsFromEnv } from "./settings.ts";

const { values } = parseCliArgs({ options: { port: { type: "string", default: "8080" }, host: { type: "string" }, content: { type: "string" }, output: { type: "string" } } }, "npm start [-- --port 8080] [--host 127.0.0.1] [--content 内容文件夹] [--output 输出文件夹]");
const env = settingsFromEnv();
// Ctrl-C (or a kill) ends the process through process.exit, so the lock on the output folder is removed.
// `on`, not `once`: Ctrl-C can arrive twice (the terminal signals the whole process group, the tsx
// launcher included); with no listener left, a second SIGINT killed the process before its exit
// handlers ran, leaving the lock behind (seen in test/build/preview-server.test.ts).
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));
try {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new EditorError({ zh: `--port 应为 1–65535 的端口号，现为“${values.port}”`, en: `--port must be a port number 1–65535, got "${values.port}"` });
  const server = await serveSite({
    ...(env.asOf ? { asOf: env.asOf } : {}),
    ...(env.shardDocuments ? { shardDocuments: env.shardDocuments } : {}),
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(values.content ? { contentDir: values.content } : {}),
    ...(values.output ? { outputDir: values.output } : {}),
  });
  if (values.host && !/^(?:127\.|::1$|localhost$)/.test(values.host)) console.warn(say({ zh: `注意：预览服务器在 ${values.host} 上监听，同一网络中的其他计算机也能访问；只在本机预览时去掉 --host。`, en: `Note: the preview server listens on ${values.host}, so other computers on the network can reach it; drop --host to preview on this machine only.` }));
  console.log(say({ zh: `正在预览 ${server.url} — 修改内容文件夹中的文件并保存，页面会自动更新；按 Ctrl-C 停止。`, en: `Serving ${server.url} — edit files under the content folder and save; Ctrl-C stops.` }));
} catch (err) {
  console.error(say({ zh: `npm start 没能启动：${explainError(err)}`, en: `npm start could not start: ${explainError(err)}` }));
  process.exit(1);
}

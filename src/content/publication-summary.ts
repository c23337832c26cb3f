import type { Bilingual } from "../i18n/index.ts";
import type { Archive } from "./model.ts";

/**
 * What `npm run check` says about publishing once the archive has no error: how many issues and
 * documents it holds, and each document the site leaves out (`withheld` 不予公开, `draft` 未发布)
 * or shows without its text (`on-request` 依申请公开), by file, so an editor sees what the
 * public will not read before building.
 * @returns one line, plus one line per such document.
 */
export function publicationSummary(archive: Archive): Bilingual {
  const docs = archive.issues.flatMap((i) => i.documents);
  const left = docs.filter((d) => d.publication !== "public");
  const head: Bilingual = {
    zh: `共 ${archive.issues.length} 期、${docs.length} 篇文件，其中 ${docs.length - left.length} 篇公开全文。`,
    en: `${archive.issues.length} issue${archive.issues.length === 1 ? "" : "s"}, ${docs.length} document${docs.length === 1 ? "" : "s"}, ${docs.length - left.length} published in full.`,
  };
  const zh = left.map((d) => `  ${d.sourcePath}：${d.publication === "on-request" ? "依申请公开，网站只列出标题等目录信息，不发布正文" : d.publication === "draft" ? "草稿（draft），不会出现在网站和任何输出中" : "不予公开（withheld），不会出现在网站和任何输出中"}`);
  const en = left.map((d) => `  ${d.sourcePath}: ${d.publication === "on-request" ? "on request: the site lists its metadata, not its text" : `${d.publication}: left out of the site and every output`}`);
  return { zh: [head.zh, ...zh].join("\n"), en: [head.en, ...en].join("\n") };
}

import { ContentError, formatFindings } from "../content/finding.ts";
import { EditorError, say, type Bilingual, type MessageLang } from "../i18n/index.ts";

/**
 * Turns any error from a command into the text an editor should see, in the message language
 * (Chinese by default), never a stack trace:
 * - a ContentError: its findings (`file:line — what — how to fix`) and the summary;
 * - an EditorError: its message;
 * - Node's file-system errors (ENOENT, EACCES, ENOSPC…): what happened to which file and what to do;
 * - Pagefind's indexing errors (a full disk included): what to check, then to ask a developer;
 * - Eleventy's template errors: which template and line, and that it is the site's templates,
 *   not the content, that need a developer (Eleventy wraps errors in `originalError`);
 * - anything else: a Chinese sentence saying what to do, with the library's own words after
 *   “技术细节” for the developer.
 */
export function explainError(err: unknown, lang?: MessageLang): string {
  const chain: unknown[] = [];
  for (let current: unknown = err, depth = 0; current && depth < 10; depth++) {
    chain.push(current);
    if (!(current instanceof Error)) break;
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  for (const e of chain) if (e instanceof ContentError) return formatFindings(e.findings, lang);
  for (const e of chain) if (e instanceof EditorError) return say(e.text, lang);
  for (const e of chain) {
    const sys = e instanceof Error ? systemErrorText(e as NodeJS.ErrnoException) : null;
    if (sys) return say(sys, lang);
  }
  const all = chain.map((e) => (e instanceof Error ? e.message : String(e))).join("\n");
  if (/No space left on device|ENOSPC/i.test(all)) return say(systemErrorText({ code: "ENOSPC" } as NodeJS.ErrnoException)!, lang);
  const pagefind = /^Pagefind failed to index (\S+)/m.exec(all);
  if (pagefind) {
    const detail = all.replace(/\s+/g, " ").trim().slice(0, 300);
    return say({
      zh: `生成检索索引失败（${pagefind[1]}），网站没有更新。请确认磁盘有空间、输出文件夹可以写入，然后重新运行；仍然失败时请把这条信息交给维护网站的技术人员。（技术细节：${detail}）`,
      en: `Building the search index failed (${pagefind[1]}); the site was not updated. Check that the disk has space and the output folder is writable, then run again; if it still fails, pass this message to the site's developer. (Details: ${detail})`,
    }, lang);
  }
  const template = chain.find((e) => e instanceof Error && /^Template|^Eleventy/.test(e.name));
  const details = chain.map((e) => (e instanceof Error ? e.message : String(e)).trim().split("\n")[0]!).filter((m, i, all) => m && all.indexOf(m) === i);
  if (template) {
    const text = chain.map((e) => (e instanceof Error ? e.message : "")).join("\n");
    // Eleventy names the template by its path from the input folder, absolute when the input is: shown from _includes/ on.
    const file = /\(\.?\/?([^()\s]+\.(?:njk|11ty\.js|html|md|liquid))\)/.exec(text)?.[1]?.replace(/^.*\/(?=_includes\/)/, "");
    const line = /\[Line (\d+)/.exec(text)?.[1];
    const where = file ? `${file}${line ? `:${line}` : ""}` : "";
    // The deepest error says what is wrong (e.g. "template not found: x.njk"); Eleventy's wrappers only where.
    const root = chain.at(-1);
    const cause = (root instanceof Error ? root.message : String(root)).replace(/\s+/g, " ").trim().slice(0, 300);
    return say({
      zh: `网站模板${where ? ` ${where} ` : ""}出错，页面没有生成。这是网站模板（_includes/ 或 src/）的问题，不是公报内容的问题：请把这条信息交给维护网站的技术人员。（技术细节：${cause}）`,
      en: `A site template${where ? ` (${where})` : ""} failed; no page was written. The site's templates (_includes/ or src/), not the content, need fixing: pass this message to the site's developer. (Details: ${cause})`,
    }, lang);
  }
  return say({
    zh: `发生了意外错误，命令没有完成。请把这条信息交给维护网站的技术人员。（技术细节：${details.join("；")}）`,
    en: `An unexpected error stopped the command. Pass this message to the site's developer. (Details: ${details.join("; ")})`,
  }, lang);
}

/** Node's file-system errors (`ENOENT: no such file or directory, open '…'`) in plain words. */
function systemErrorText(err: NodeJS.ErrnoException): Bilingual | null {
  const p = err.path ?? "";
  const target = (err as { dest?: string }).dest ?? err.path;
  switch (err.code) {
    case "ENOENT":
      return { zh: `找不到文件或文件夹 ${p}，请检查路径`, en: `there is no file or folder ${p} (check the path)` };
    case "EISDIR":
      return { zh: p ? `${p} 是文件夹，这里需要的是文件` : "这里需要的是文件，给的却是文件夹", en: p ? `${p} is a folder, not a file` : "a folder was given where a file is expected" };
    case "ENOTDIR":
      return { zh: `${p} 不是文件夹，请检查路径`, en: `${p} is not a folder (check the path)` };
    case "EACCES":
    case "EPERM":
      return {
        zh: `没有权限写入或移动 ${p || "文件"}：网站没有更新，上一次构建的输出保持不变。请检查该文件夹及其上一级文件夹的权限（是否只读，或被设为不可更改，如 chattr +i），或用 --output 指定另一个文件夹`,
        en: `permission denied for ${p}: the site was not updated and the previous output is unchanged. Check the permissions of the folder and its parent (read-only, or made immutable with chattr +i), or choose another folder with --output`,
      };
    case "ENOSPC":
      return {
        zh: `磁盘空间已满${target ? `（写入 ${target} 时）` : ""}：网站没有更新，上一次构建的输出保持不变。请清理磁盘空间（或用 --output 把网站写到另一块磁盘）后重新运行`,
        en: `the disk is full${target ? ` (writing ${target})` : ""}: the site was not updated and the previous output is unchanged. Free some space (or write the site to another disk with --output) and run again`,
      };
    case "EROFS":
      return { zh: `磁盘是只读的${target ? `（写入 ${target} 时）` : ""}：网站没有更新。请用 --output 指定一个可以写入的文件夹`, en: `the disk is read-only${target ? ` (writing ${target})` : ""}: the site was not updated. Choose a writable folder with --output` };
    case "EADDRINUSE":
      return { zh: "端口已被占用：请用 -- --port 换一个端口", en: "the port is in use: choose another with -- --port" };
    default:
      return null;
  }
}

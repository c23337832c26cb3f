import { ContentError } from "../content/finding.ts";

/**
 * Turns any error from a build into the text an editor should see: the findings of a
 * ContentError, or the chain of messages (Eleventy wraps errors in `originalError`, Node in
 * `cause`), never a stack trace.
 */
export function explainError(err: unknown): string {
  const messages: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof ContentError) return current.message;
    if (current instanceof Error) {
      const msg = systemErrorText(current as NodeJS.ErrnoException) ?? current.message.trim();
      if (msg && !messages.some((m) => m.includes(msg))) messages.push(msg);
      const next: unknown = (current as { originalError?: unknown }).originalError ?? current.cause;
      current = next;
    } else {
      messages.push(String(current));
      break;
    }
  }
  return messages.join("\n  caused by: ");
}

/** Node's file-system errors (`ENOENT: no such file or directory, open '…'`) in plain words. */
function systemErrorText(err: NodeJS.ErrnoException): string | null {
  const where = err.path ? ` ${err.path}` : "";
  if (err.code === "ENOENT") return `there is no file or folder${where} (check the path)`;
  if (err.code === "EISDIR") return err.path ? `${err.path} is a folder, not a file` : "a folder was given where a file is expected";
  if (err.code === "EACCES" || err.code === "EPERM") {
    return `没有权限写入或移动${where || "文件"}：网站没有更新，上一次构建的输出保持不变。请检查该文件夹及其上一级文件夹的权限（是否只读，或被设为不可更改，如 chattr +i），或用 --output 指定另一个文件夹`;
  }
  return diskFault(err);
}

/**
 * A full or read-only disk, from Node (`ENOSPC`, `EROFS`) or in another tool's words (Pagefind
 * reports a full disk as a Rust panic with "No space left on device (os error 28)"), in plain
 * Chinese with what to do; null for other errors.
 */
export function diskFault(err: NodeJS.ErrnoException): string | null {
  const target = (err as { dest?: string }).dest ?? err.path;
  const where = target ? `（写入 ${target} 时）` : "";
  if (err.code === "ENOSPC" || /No space left on device|os error 28\b/i.test(err.message)) {
    return `磁盘空间已满${where}：网站没有更新，上一次构建的输出保持不变。请清理磁盘空间（或用 --output 把网站写到另一块磁盘）后重新构建`;
  }
  if (err.code === "EROFS" || /Read-only file system|os error 30\b/i.test(err.message)) {
    return `磁盘是只读的${where}：网站没有更新。请用 --output 指定一个可以写入的文件夹`;
  }
  return null;
}

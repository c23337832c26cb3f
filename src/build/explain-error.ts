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
  if (err.code === "EACCES" || err.code === "EPERM") return `permission denied${where ? ` for${where}` : ""}`;
  return null;
}

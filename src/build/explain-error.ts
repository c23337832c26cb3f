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
      const msg = current.message.trim();
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

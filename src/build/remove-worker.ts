/**
 * Child process of {@link removeInBackground}: `remove-worker.ts <folder>` renames `<folder>`
 * (`<prefix>-<process id>`) to `<prefix>-<its own process id>`, tells its parent (IPC message
 * `"renamed"`, or `"gone"` when there was no folder) and removes it.
 */
import { rename, rm } from "node:fs/promises";

const folder = process.argv[2];
if (!folder) throw new Error("usage: remove-worker.ts <folder>");
const own = folder.replace(/-\d+$/u, `-${process.pid}`);
let renamed = true;
try {
  await rename(folder, own);
} catch (err) {
  if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  renamed = false;
}
if (process.send) {
  await new Promise<void>((resolve) => process.send!(renamed ? "renamed" : "gone", () => resolve()));
  process.disconnect();
}
if (renamed) await rm(own, { recursive: true, force: true, maxRetries: 5 });

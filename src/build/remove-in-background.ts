import { fork } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./remove-worker.ts", import.meta.url));

/**
 * Removes `folder` (the replaced output of a build) in a detached child process
 * (`remove-worker.ts`, same loader flags as this one), so the build does not wait for tens of
 * thousands of files to be unlinked once the new output is in place. Returns once the child has renamed the folder
 * to `<prefix>-<child's process id>`: a build starting meanwhile (`removeLeftovers` keeps folders
 * of running processes) then leaves it alone, and a folder whose child was killed is removed by
 * the next build. When the child cannot start or fails before renaming, removes the folder itself.
 * @param folder a folder named `<prefix>-<process id>`.
 * @throws the file system's error when the folder cannot be removed.
 */
export async function removeInBackground(folder: string): Promise<void> {
  const child = fork(WORKER, [folder], { detached: true, stdio: ["ignore", "ignore", "ignore", "ipc"] });
  const answer = await new Promise<string>((resolve) => {
    child.once("message", (m) => resolve(String(m)));
    child.once("error", (err) => resolve(err.message));
    child.once("exit", (code) => resolve(`exit ${code}`));
  });
  if (answer === "renamed" || answer === "gone") {
    if (child.connected) child.disconnect();
    child.unref();
    return;
  }
  await rm(folder, { recursive: true, force: true });
}

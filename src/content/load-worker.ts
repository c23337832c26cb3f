/**
 * A content worker of `loadIssuesInParallel`: reads and checks the issue folders of each chunk
 * it is sent (`loadIssueFolders`) and replies with the issues and findings.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadIssueFolders } from "./load-issue.ts";
import type { LoadReply } from "./load-in-parallel.ts";

const { contentDir, root } = workerData as { contentDir: string; root: string };
const port = parentPort!;

port.on("message", ({ chunk, names }: { chunk: number; names: string[] }) => {
  loadIssueFolders(contentDir, names, root).then(
    (loaded) => port.postMessage({ type: "done", chunk, issues: loaded.map((l) => l.issue), findings: JSON.stringify(loaded.map((l) => l.own)) } satisfies LoadReply),
    // Not swallowed: the calling thread throws it (loadIssuesInParallel).
    (err: unknown) => port.postMessage({ type: "failed", message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies LoadReply),
  );
});

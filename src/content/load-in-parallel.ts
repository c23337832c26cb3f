import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startTsWorker } from "../util/index.ts";
import type { Finding } from "./finding.ts";
import type { GazetteIssue, IssueLoad } from "./model.ts";

/**
 * Fewer issue folders than this are read on the calling thread by default: a content worker's
 * start and warm-up, and copying its issues back, are repaid only by large archives (figures in
 * `npm run bench`'s results).
 */
export const PARALLEL_MIN_FOLDERS = 500;
/** Issue folders a worker (or the calling thread) takes at a time (about 100 documents). */
const CHUNK = 6;

/**
 * Messages from a content worker (`load-worker.ts`): the issues as structured clones, their
 * findings as JSON (a finding is plain strings and numbers; many small objects are read back
 * faster by `JSON.parse` than by the structured clone).
 */
export type LoadReply = { type: "done"; chunk: number; issues: (GazetteIssue | null)[]; findings: string } | { type: "failed"; message: string };

/** Options of {@link loadIssuesInParallel}. */
export interface ParallelLoadOptions {
  /** Worker threads beside the calling thread (0: none). Default: one fewer than the cores, at most 3, from {@link PARALLEL_MIN_FOLDERS} folders on. */
  workers?: number;
}

/**
 * Reads and checks issue folders on every core: worker threads (`load-worker.ts`, each running
 * `loadIssueFolders`) take chunks of 6 folders while the calling thread reads chunks with `local`
 * too. The results are those of `local(folders)` in folder order, as the workers send them
 * (structured clones of plain data). Without tsx, or with no workers (see `options.workers`),
 * `local` reads everything.
 * @param local reads folders on this thread (`loadIssueFolders` bound to the content folder).
 * @throws the first error of a chunk (a worker's error keeps its message); no chunk is started after it.
 */
export async function loadIssuesInParallel(
  contentDir: string,
  root: string,
  folders: readonly string[],
  local: (folders: readonly string[]) => Promise<IssueLoad[]>,
  options: ParallelLoadOptions = {},
): Promise<IssueLoad[]> {
  const auto = folders.length >= PARALLEL_MIN_FOLDERS ? Math.min(3, availableParallelism() - 1) : 0;
  // At least one chunk is left for the calling thread.
  const wanted = Math.min(options.workers ?? auto, Math.ceil(folders.length / CHUNK) - 1);
  if (wanted < 1) return local(folders);
  const chunks: string[][] = [];
  for (let i = 0; i < folders.length; i += CHUNK) chunks.push(folders.slice(i, i + CHUNK));
  const workers: ContentWorker[] = [];
  for (let i = 0; i < wanted; i++) {
    const worker = startTsWorker(new URL("./load-worker.ts", import.meta.url), { contentDir, root });
    if (!worker) break;
    workers.push(contentWorker(worker));
  }
  const out = new Array<IssueLoad[]>(chunks.length);
  let next = 0;
  let failed = false;
  const lane = async (read: (names: readonly string[], chunk: number) => Promise<IssueLoad[]>) => {
    while (!failed && next < chunks.length) {
      const i = next++;
      try {
        out[i] = await read(chunks[i]!, i);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  try {
    const lanes = [lane(local), ...workers.map((w) => lane(w.read))];
    // Every lane ends before an error is thrown, so nothing runs behind the caller's back.
    const settled = await Promise.allSettled(lanes);
    const rejected = settled.find((r) => r.status === "rejected");
    if (rejected) throw rejected.reason;
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  return out.flat();
}

interface ContentWorker {
  worker: Worker;
  read: (names: readonly string[], chunk: number) => Promise<IssueLoad[]>;
}

/** Wraps a content worker: one chunk at a time, its reply (or its failure) settles the read. */
function contentWorker(worker: Worker): ContentWorker {
  let pending: { chunk: number; resolve: (loaded: IssueLoad[]) => void; reject: (err: Error) => void } | null = null;
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure ??= err;
    pending?.reject(failure);
    pending = null;
  };
  worker.on("message", (reply: LoadReply) => {
    if (reply.type === "failed") return fail(new Error(`a content worker failed: ${reply.message}`));
    if (pending && pending.chunk === reply.chunk) {
      const findings = JSON.parse(reply.findings) as Finding[][];
      pending.resolve(reply.issues.map((issue, i) => ({ issue, own: findings[i]! })));
    }
    pending = null;
  });
  worker.on("error", (err) => fail(new Error(`a content worker failed: ${err.message}`, { cause: err })));
  worker.on("exit", (code) => fail(new Error(`a content worker stopped (exit code ${code})`)));
  return {
    worker,
    read: (names, chunk) =>
      new Promise<IssueLoad[]>((resolve, reject) => {
        if (failure) return reject(failure);
        pending = { chunk, resolve, reject };
        worker.postMessage({ chunk, names });
      }),
  };
}

import { Worker, type TransferListItem } from "node:worker_threads";

/**
 * Starts a worker thread running a TypeScript module of ours. Node 20 workers do not inherit the
 * loader (tsx) of the thread that starts them, so the worker first runs a few lines of plain
 * JavaScript that register tsx through its API (`tsx/esm/api`), then imports `entry`.
 * A failure to start is sent back as a message `{ type: "failed", message }` on `workerData.port`
 * when given (and counted on `workerData.signal`, an `Int32Array` on shared memory, with
 * `Atomics.notify`, for a thread that waits synchronously), else on the worker's own port.
 * @param entry URL of the module to run (e.g. `new URL("./x-worker.ts", import.meta.url)`).
 * @param workerData what the module reads as `workerData` (structured clone; `port` and the like in `transferList`).
 * @returns the worker, or null when tsx is not installed (the caller then does the work itself).
 */
export function startTsWorker(entry: URL, workerData: Record<string, unknown>, transferList: readonly TransferListItem[] = []): Worker | null {
  const loader = tsxLoaderUrl();
  if (loader === null) return null;
  return new Worker(WORKER_BOOT, { eval: true, workerData: { ...workerData, loader, entry: entry.href }, transferList: [...transferList] });
}

/** The URL of tsx's API, or null when tsx is not installed. */
function tsxLoaderUrl(): string | null {
  try {
    return import.meta.resolve("tsx/esm/api");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") return null;
    throw err;
  }
}

const WORKER_BOOT = `
const { workerData, parentPort } = require("node:worker_threads");
import(workerData.loader)
  .then(({ register }) => { register(); return import(workerData.entry); })
  .catch((err) => {
    (workerData.port || parentPort).postMessage({ type: "failed", message: String((err && err.stack) || err) });
    if (workerData.signal) {
      Atomics.add(workerData.signal, 0, 1);
      Atomics.notify(workerData.signal, 0);
    }
  });
`;

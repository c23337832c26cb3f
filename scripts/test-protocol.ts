/** What scripts/test.ts and its workers (scripts/test-worker.ts) say to each other. */

/** Starts the line of the worker's stdout that ends each file's report, followed by a {@link FileResult} as JSON. */
export const RESULT_MARK = "\u001egazette-test-result ";

/** What a worker reports for one test file. */
export interface FileResult {
  /** Path under test/, as uvu names it. */
  name: string;
  total: number;
  passed: number;
  skipped: number;
  /** A test failed, or the file did not load (then counted as one failed test in `total`). */
  failed: boolean;
  /** Wall time of the file, ms. */
  ms: number;
  /**
   * CPU time (user + system) of the file, ms: the worker's own and that of all its child processes
   * meanwhile, those that ended and those still running (a browser or script host kept for later
   * files is charged to the file that made it work). Linux only for the children.
   */
  cpuMs?: number;
}

/** From the runner to a worker: run this file (absolute path, path under test/), or exit. */
export type WorkerMessage = { file: string; name: string } | { done: true };

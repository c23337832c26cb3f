import { explainError } from "./explain-error.ts";
import { lockOutput, OutputBusyError } from "./output-lock.ts";

/** How long a build waits for another build of the same output folder, in ms. */
export const BUILD_LOCK_WAIT_MS = 10 * 60_000;

/**
 * Runs a build of `outputDir` holding its lock (`lockOutput`, command `npm run build`): a build
 * started while another runs waits for it (saying so once on stderr), for at most
 * {@link BUILD_LOCK_WAIT_MS}; when the folder is served by `npm start` or the wait is over, the
 * build stops with a result whose `error` names the other process and what to do. The lock is
 * released whatever the build does; an error the build throws becomes the result's `error`
 * (`explainError`: no stack trace).
 */
export async function withBuildLock<R extends { ok: boolean; error: string }>(outputDir: string, build: () => Promise<R>): Promise<R | { ok: false; findings: []; error: string; ms: number; phases: Record<string, number> }> {
  let lock;
  try {
    lock = await lockOutput(outputDir, "npm run build", { waitMs: BUILD_LOCK_WAIT_MS, onWait: (_, message) => console.warn(message) });
  } catch (err) {
    return { ok: false, findings: [], error: err instanceof OutputBusyError ? err.message : explainError(err), ms: 0, phases: {} };
  }
  try {
    return await build();
  } catch (err) {
    // Any fault the build did not foresee still ends in a message, never a stack trace.
    return { ok: false, findings: [], error: explainError(err), ms: 0, phases: {} };
  } finally {
    await lock.release();
  }
}

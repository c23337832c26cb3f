import type { Test } from "uvu";

/**
 * Hooks that cannot fail silently. uvu 0.5.6 swallows an error thrown by a `test.before` hook
 * (the suite's tests are skipped, nothing is reported, the run exits 0) and lets an error thrown by
 * a `test.after` hook abort the whole run (later files never run). Every hook in `test/` goes
 * through these two functions instead:
 *
 * - {@link before}: the error is kept and every test of the suite fails with it (uvu then reports
 *   the failures and exits 1);
 * - {@link after}: the error is printed, the remaining suites still run, and the run exits 1.
 *
 * Proved by `test/helpers/hooks.test.ts`, which runs suites with throwing hooks under uvu.
 * @example
 * before(test, async () => { site = await sampleSite(); });
 * after(test, () => rm(dir, { recursive: true, force: true }));
 */

type Hook = () => unknown;

/** Registers `setup` as `test`'s before hook; when it throws, every test of `test` fails with its error. */
export function before<T>(test: Test<T>, setup: Hook): void {
  let failure: { error: unknown } | null = null;
  test.before(async () => {
    try {
      await setup();
    } catch (error) {
      failure = { error };
    }
  });
  test.before.each(() => {
    if (failure) throw new Error(`the suite's setup (test.before) failed: ${describe(failure.error)}`, { cause: failure.error });
  });
}

/** Registers `teardown` as `test`'s after hook; when it throws, the error is printed and the run exits 1 (after the other suites ran). */
export function after<T>(test: Test<T>, teardown: Hook): void {
  test.after(async () => {
    try {
      await teardown();
    } catch (error) {
      console.error(`\nthe suite's teardown (test.after) failed: ${describe(error)}`);
      failRun();
    }
  });
}

let failing = false;

/** Makes the process exit with 1 whatever uvu sets `process.exitCode` to at the end of the run. */
function failRun(): void {
  if (failing) return;
  failing = true;
  process.on("exit", () => {
    process.exitCode = 1;
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Wraps a `test.before` hook so that its failure fails the run: uvu skips the suite's tests
 * when a `before` hook throws but reports no failure and exits 0. This prints the error and
 * sets a non-zero exit code, then rethrows.
 */
export function failLoudly(setup: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await setup();
    } catch (err) {
      console.error("test setup failed:", err);
      process.exitCode = 1;
      throw err;
    }
  };
}

/**
 * Runs `work` over `items` with at most `limit` calls in flight (each lane takes the next item
 * when its last one is done) and returns the results in the order of `items`. After a failure no
 * new item is started; the calls already running end, then the first error is thrown (so nothing
 * is left running behind the caller's back).
 * @param limit ≥ 1; more lanes than items are not started.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  let failure: unknown;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await work(items[i]!, i);
      } catch (err) {
        if (!failed) failure = err;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failed) throw failure;
  return results;
}

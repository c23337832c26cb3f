/**
 * Runs a full garbage collection when Node exposes it (`--expose-gc`, as `npm run build` runs);
 * otherwise does nothing and V8 decides when. Called where a large amount of garbage has just been
 * let go and the next step starts another process whose memory adds to this one's (Pagefind's
 * service), so that the peak of the two stays low (see README, "Large archives").
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Wall-clock time of the named build phases, in ms, added up since the last {@link resetPhases}. */
const phases = new Map<string, number>();

/**
 * Runs `work` and adds its wall-clock time (ms) to the phase `name` (e.g. `sass`, `pagefind`),
 * for the build report and `npm run bench`. Errors pass through unchanged (the time is still counted).
 */
export async function timePhase<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    phases.set(name, (phases.get(name) ?? 0) + performance.now() - started);
  }
}

/** Clears the recorded phases (at the start of a build). */
export function resetPhases(): void {
  phases.clear();
}

/** The recorded phases: name → ms (rounded), in the order first recorded. */
export function phaseTimes(): Record<string, number> {
  return Object.fromEntries([...phases].map(([k, v]) => [k, Math.round(v)]));
}

// Kept for src/search/build-index.ts, which imports the phase timer from here; the timer lives in src/util/.
export { phaseTimes, resetPhases, timePhase } from "../util/phase-times.ts";

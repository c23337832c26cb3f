export { buildSite, type BuildOptions, type BuildResult } from "./build-site.ts";
export { explainError } from "./explain-error.ts";
export { serveSite, type RunningServer, type ServeOptions } from "./serve-site.ts";
export { phaseTimes, resetPhases, timePhase } from "../util/phase-times.ts";

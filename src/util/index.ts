export { detachString } from "./detach-string.ts";
export { pathExists } from "./path-exists.ts";
export { readTextIfExists } from "./read-text-if-exists.ts";
export { mapLimit } from "./map-limit.ts";
export { linkFile, linkTree } from "./link-tree.ts";
export { parseCliArgs } from "./cli-args.ts";
export { phaseTimes, resetPhases, timePhase } from "./phase-times.ts";
export { isProcessRunning } from "./process-running.ts";
export { collectGarbage } from "./collect-garbage.ts";

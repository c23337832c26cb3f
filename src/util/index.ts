export { detachString } from "./detach-string.ts";
export { pathExists } from "./path-exists.ts";

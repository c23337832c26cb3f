export { pathExists } from "./path-exists.ts";

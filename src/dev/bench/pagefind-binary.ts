import { createRequire } from "node:module";
import os from "node:os";

/**
 * Path of Pagefind's own command with Chinese segmentation (`pagefind_extended`), shipped in the
 * `@pagefind/<platform>-<arch>` package that `pagefind` installs — the bare-tool baseline of the
 * benchmark (the site itself indexes through Pagefind's Node API).
 * @param override a path that wins (`npm run bench` passes `PAGEFIND_EXTENDED_BINARY_PATH`, which
 *   overrides it for Pagefind's Node API too).
 */
export function pagefindBinary(override?: string): string {
  const require = createRequire(import.meta.url);
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const exe = platform === "windows" ? "pagefind_extended.exe" : "pagefind_extended";
  return override || require.resolve(`@pagefind/${platform}-${os.arch()}/bin/${exe}`);
}

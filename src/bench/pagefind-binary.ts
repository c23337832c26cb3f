import { createRequire } from "node:module";
import os from "node:os";

/**
 * Path of Pagefind's own command with Chinese segmentation (`pagefind_extended`), shipped in the
 * `@pagefind/<platform>-<arch>` package that `pagefind` installs — the bare-tool baseline of the
 * benchmark (the site itself indexes through Pagefind's Node API). `PAGEFIND_EXTENDED_BINARY_PATH`
 * overrides it, as it does for Pagefind's Node API.
 */
export function pagefindBinary(): string {
  const require = createRequire(import.meta.url);
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const exe = platform === "windows" ? "pagefind_extended.exe" : "pagefind_extended";
  return process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? require.resolve(`@pagefind/${platform}-${os.arch()}/bin/${exe}`);
}

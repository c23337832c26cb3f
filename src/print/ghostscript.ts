import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * The Ghostscript interpreter options that keep a PDF's text layer when `pdfwrite` rewrites it.
 * Ghostscript 10.00–10.02 read PDFs with the new interpreter (pdfi) by default, which names some
 * glyphs of Chromium's subset TrueType fonts from their `post` table (Idieresis, thorn …) instead
 * of the font's ToUnicode map: 办 comes out as Þ, 〔 as 4, in copied or searched text (the
 * printed glyphs are right). Their legacy interpreter (`-dNEWPDF=false`, removed in 10.03) keeps
 * the ToUnicode map. Before 10.00 the legacy one is the default; from 10.03 there is no choice.
 * @param version `gs --version`, e.g. `10.00.0`.
 * @returns extra arguments for `gs` (empty when there is nothing to choose).
 */
export function textKeepingArgs(version: string): string[] {
  const [major = 0, minor = 0] = version.trim().split(".").map(Number);
  return major === 10 && minor < 3 ? ["-dNEWPDF=false"] : [];
}

let versionOnce: Promise<string> | undefined;

/** `gs --version` of the Ghostscript on PATH, asked once per process. @throws when gs cannot run. */
export function ghostscriptVersion(): Promise<string> {
  versionOnce ??= run("gs", ["--version"]).then((r) => r.stdout.trim());
  versionOnce.catch(() => (versionOnce = undefined));
  return versionOnce;
}

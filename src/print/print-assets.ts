import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as sass from "sass";
import { writePrintFonts } from "./fonts.ts";
import { layoutScssVariables } from "./layout.ts";

/** The print stylesheet, `src/theme/print-gbt9704.scss`. */
export const PRINT_THEME_ENTRY = fileURLToPath(new URL("../theme/print-gbt9704.scss", import.meta.url));
/** Output path (relative to the site root) of the compiled print stylesheet. */
export const PRINT_CSS = "assets/print.css";

/**
 * Writes what the print views need into a built site: `assets/print.css` (the GB/T 9704-2012
 * stylesheet compiled with the numbers of `layout.ts` prepended, compressed, no source map) and
 * the bundled fonts (`assets/print-fonts.css`, `assets/fonts/…`, see `writePrintFonts`).
 * @returns bytes of the stylesheet and of the font files copied.
 * @throws Error naming the Sass file when the stylesheet does not compile, or a missing font package.
 */
export async function writePrintAssets(outputDir: string): Promise<{ cssBytes: number; fontBytes: number }> {
  const source = `${layoutScssVariables()}\n${await readFile(PRINT_THEME_ENTRY, "utf8")}`;
  let css: string;
  try {
    css = sass.compileString(source, { style: "compressed", sourceMap: false, url: pathToFileURL(PRINT_THEME_ENTRY) }).css;
  } catch (err) {
    throw new Error(`print stylesheet ${path.relative(process.cwd(), PRINT_THEME_ENTRY)} does not compile: ${(err as Error).message}`, { cause: err });
  }
  const file = path.join(outputDir, PRINT_CSS);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, css);
  const fonts = await writePrintFonts(outputDir);
  return { cssBytes: Buffer.byteLength(css), fontBytes: fonts.bytes };
}

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

/** The theme's entry stylesheet, `src/theme/site.scss`. */
export const THEME_ENTRY = fileURLToPath(new URL("../theme/site.scss", import.meta.url));

/**
 * Compiles the theme with Dart Sass and writes `<outputDir>/assets/site.css` (compressed, no
 * source map, so two builds give the same bytes).
 * @returns the path written and its size in bytes.
 * @throws Error naming the Sass file and line when the stylesheet does not compile.
 */
export async function compileTheme(outputDir: string, entry = THEME_ENTRY): Promise<{ file: string; bytes: number }> {
  let css: string;
  try {
    css = sass.compile(entry, { style: "compressed", sourceMap: false }).css;
  } catch (err) {
    throw new Error(`theme ${path.relative(process.cwd(), entry)} does not compile: ${(err as Error).message}`, { cause: err });
  }
  const file = path.join(outputDir, "assets", "site.css");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, css);
  return { file, bytes: Buffer.byteLength(css) };
}

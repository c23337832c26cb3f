import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { linkFile } from "../util/index.ts";
import { EM_BOX } from "./layout.ts";

/**
 * One face of the print view, taken from an npm package so that every machine renders the same
 * glyphs (same line breaks, same page count) whatever fonts the system has.
 */
export interface PrintFont {
  /** CSS `font-family` name declared by the package's stylesheet. */
  family: string;
  /** The weight used (CSS `font-weight`). */
  weight: number;
  /** Package-relative path of the stylesheet with the `@font-face` rules (unicode-range subsets). */
  css: string;
  /** Folder name under `assets/fonts/` in the output. */
  folder: string;
  /** Role in GB/T 9704-2012, for the README and docstrings. */
  role: string;
}

/**
 * The faces of the GB/T 9704-2012 layout and where they come from (all SIL OFL 1.1).
 * No free FangSong (仿宋) face is published on npm or in Debian for simplified Chinese
 * (Debian's `fonts-cwtex-fs` covers Big5 only), so body text uses Noto Serif SC Regular, the
 * Song face that FangSong ("imitation Song") derives from; Kai stays reserved for `（一）`
 * headings so the heading levels remain distinct.
 */
export const PRINT_FONTS: readonly PrintFont[] = [
  { family: "Noto Serif SC", weight: 400, css: "@fontsource/noto-serif-sc/400.css", folder: "noto-serif-sc", role: "正文（代仿宋）、页码（宋体）" },
  { family: "Noto Serif SC", weight: 700, css: "@fontsource/noto-serif-sc/700.css", folder: "noto-serif-sc", role: "标题（代小标宋）" },
  { family: "Noto Sans SC", weight: 400, css: "@fontsource/noto-sans-sc/400.css", folder: "noto-sans-sc", role: "一级标题 一、（黑体）" },
  { family: "LXGW WenKai", weight: 400, css: "lxgw-wenkai-webfont/lxgwwenkai-regular.css", folder: "lxgw-wenkai", role: "二级标题 （一）（楷体）" },
];

/** Output path (relative to the site root) of the generated stylesheet with every print face. */
export const PRINT_FONTS_CSS = "assets/print-fonts.css";

/**
 * Output path (relative to the site root) of the stylesheet with the faces the website's own print
 * (Ctrl+P on a document page, `src/theme/_print.scss`) uses: Noto Serif SC 400 and 700, Noto Sans
 * SC 400. Loaded by `assets/print-fonts.js`, never render-blocking.
 */
export const WEB_PRINT_FONTS_CSS = "assets/print-web-fonts.css";

/** Whether a face is one of the website print's (see {@link WEB_PRINT_FONTS_CSS}); 楷体 is the print views' only. */
function inWebPrint(font: PrintFont): boolean {
  return font.family !== "LXGW WenKai";
}

const require = createRequire(import.meta.url);

/**
 * Hard-links (copies across file systems, `linkFile`) the WOFF2 subsets of {@link PRINT_FONTS}
 * from `node_modules` into `<outputDir>/assets/fonts/<folder>/` (a fresh folder: nothing writes to a
 * built font file) and writes `<outputDir>/assets/print-fonts.css` with their
 * `@font-face` rules (WOFF2 only, URLs relative to the stylesheet, so a path prefix works), and
 * `<outputDir>/assets/print-web-fonts.css` with the rules of the website print's faces; each
 * with the ascent and descent of {@link EM_BOX} so that a run in another face never changes the
 * height of a line (GB/T 9704-2012 §5.2.4: 22 lines a page).
 * @returns number of font files copied and their total size in bytes.
 * @throws Error naming the package when a font package is not installed (run `npm ci`).
 */
export async function writePrintFonts(outputDir: string): Promise<{ files: number; bytes: number }> {
  const rules: string[] = [];
  const webRules: string[] = [];
  // Every face laid out in the same ideographic em box (see EM_BOX): mixed faces keep the line pitch.
  const metrics = `ascent-override:${EM_BOX.ascent * 100}%;descent-override:${EM_BOX.descent * 100}%;line-gap-override:0%;`;
  let files = 0;
  let bytes = 0;
  for (const font of PRINT_FONTS) {
    let cssPath: string;
    try {
      cssPath = require.resolve(font.css);
    } catch (err) {
      throw new Error(`print font ${font.family} ${font.weight}: package file ${font.css} is missing — run \`npm ci\``, { cause: err });
    }
    const css = await readFile(cssPath, "utf8");
    const targetDir = path.join(outputDir, "assets", "fonts", font.folder);
    await mkdir(targetDir, { recursive: true });
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const woff2 = block.match(/url\(['"]?([^'")]+\.woff2)['"]?\)\s*format\(['"]woff2['"]\)/)?.[1];
      if (!woff2) continue;
      const name = path.basename(woff2);
      const source = path.resolve(path.dirname(cssPath), woff2);
      const target = path.join(targetDir, name);
      await rm(target, { force: true });
      linkFile(source, target);
      files += 1;
      bytes += (await stat(source)).size;
      const range = block.match(/unicode-range:\s*([^;}]+)/)?.[1]?.trim();
      const rule =
        `@font-face{font-family:"${font.family}";font-style:normal;font-weight:${font.weight};font-display:block;${metrics}` +
        `src:url(fonts/${font.folder}/${name}) format("woff2");${range ? `unicode-range:${range};` : ""}}`;
      rules.push(rule);
      if (inWebPrint(font)) webRules.push(rule);
    }
  }
  const file = path.join(outputDir, PRINT_FONTS_CSS);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, rules.join("\n") + "\n");
  await writeFile(path.join(outputDir, WEB_PRINT_FONTS_CSS), webRules.join("\n") + "\n");
  return { files, bytes };
}

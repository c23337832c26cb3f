import * as esbuild from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { traditionalCharacters } from "../search/traditional-chars.ts";

/** Entry points of the browser code, bundled to `/assets/<name>.js`. */
export const CLIENT_ENTRIES = {
  search: fileURLToPath(new URL("../client/search-page.ts", import.meta.url)),
  highlight: fileURLToPath(new URL("../client/highlight.ts", import.meta.url)),
};

/**
 * Bundles the browser code (TypeScript in `src/client/`, which imports the same query normaliser
 * as the build) with esbuild into ES modules under `<outputDir>/assets/`: `search.js` for the
 * search page, `highlight.js` for document pages, and lazily loaded chunks (the Traditional →
 * Simplified converter) under `assets/chunks/`. The list of Traditional characters
 * (`traditionalCharacters`) is inlined as `__TRADITIONAL_CHARS__`. Minified, no source maps, so builds are
 * reproducible.
 * @returns bytes written per output file (path relative to the output folder).
 * @throws Error with esbuild's messages when the code does not bundle.
 */
export async function bundleClient(outputDir: string): Promise<Record<string, number>> {
  const result = await esbuild.build({
    entryPoints: CLIENT_ENTRIES,
    outdir: path.join(outputDir, "assets"),
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    metafile: true,
    define: { __TRADITIONAL_CHARS__: JSON.stringify(traditionalCharacters()) },
    logLevel: "silent",
  }).catch((err: unknown) => {
    throw new Error(`the browser code in src/client/ does not bundle: ${(err as Error).message}`, { cause: err });
  });
  const sizes: Record<string, number> = {};
  for (const [file, info] of Object.entries(result.metafile.outputs)) sizes[path.relative(outputDir, file)] = info.bytes;
  return sizes;
}

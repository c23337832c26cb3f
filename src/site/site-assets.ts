import { timePhase } from "../util/phase-times.ts";
import { writePrintAssets } from "../print/print-assets.ts";
import { bundleClient } from "./bundle-client.ts";
import { compileTheme } from "./compile-theme.ts";
import { copyClientFiles } from "./copy-client-files.ts";

/**
 * Writes the files of the site besides its pages into `outputDir`: the Sass theme
 * (`/assets/site.css`, phase `sass`), the GB/T 9704-2012 print stylesheet with its fonts
 * (`writePrintAssets`, phase `print assets`) and the browser code (`copyClientFiles`,
 * `bundleClient`, phase `client bundle`). None of it is read by Pagefind, so `buildSite` runs it
 * while the search index is built.
 * @throws the Sass compiler's or esbuild's error.
 */
export async function writeSiteAssets(outputDir: string): Promise<void> {
  await timePhase("sass", () => compileTheme(outputDir));
  await timePhase("print assets", () => writePrintAssets(outputDir));
  await timePhase("client bundle", async () => {
    await copyClientFiles(outputDir);
    await bundleClient(outputDir);
  });
}

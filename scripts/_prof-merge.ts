import { mergeSearchBundles } from "../src/search/merge-index.ts";
const [out, ...bundles] = process.argv.slice(2);
const t0 = performance.now();
const r = await mergeSearchBundles(bundles, out!, { sortValues: new Map() });
console.log(r, Math.round(performance.now() - t0), "ms");

import { toSimplified } from "../client/to-simplified.ts";

/** Unicode blocks searched: CJK Unified Ideographs Extension A, the main block, and Compatibility Ideographs. */
const BLOCKS: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

let cached: string | undefined;

/**
 * Every character that the search page's Traditional → Simplified converter (opencc-js, the same
 * `toSimplified` the page loads) changes on its own: about 3,600 characters, 11 KB as UTF-8.
 * Bundled into the search page so that it loads the 107 KB converter only for a query that holds
 * one of them. Characters converted only inside a phrase (乾 in 乾燥) are not in the list.
 * Computed once per process.
 * @example traditionalCharacters().includes("辦") // true; "办" is not in it
 */
export function traditionalCharacters(): string {
  if (cached !== undefined) return cached;
  let out = "";
  for (const [low, high] of BLOCKS) {
    for (let cp = low; cp <= high; cp++) {
      const ch = String.fromCodePoint(cp);
      if (toSimplified(ch) !== ch) out += ch;
    }
  }
  cached = out;
  return out;
}

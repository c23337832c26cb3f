import { rm } from "node:fs/promises";
import { loadArchive, type Finding } from "../../src/content/index.ts";
import { tempArchive } from "./temp-archive.ts";

/**
 * The findings `npm run check` gives for a copy of the fixture archive (`test/fixtures/archive`,
 * title 测试市人民政府公报) with `files` (paths relative to the content folder → text) on top; the
 * copy is removed afterwards.
 */
export async function findingsWith(files: Record<string, string>): Promise<Finding[]> {
  const dir = await tempArchive(files);
  try {
    return (await loadArchive(dir, dir)).findings;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

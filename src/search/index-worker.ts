/**
 * Child process that indexes one search shard with Pagefind's Node API (Pagefind keeps one service
 * per Node process, so shards indexed at the same time need processes of their own). Started by
 * `indexShardInChild` with `<siteDir> <glob> <outputPath>`; answers on the IPC channel with
 * `{ errors: string[] }` (empty on success) and exits when the Pagefind service is closed, which
 * returns its memory to the system.
 */
import * as pagefind from "pagefind";

const [siteDir, glob, outputPath] = process.argv.slice(2);

async function run(): Promise<string[]> {
  if (!siteDir || !glob || !outputPath) return ["usage: index-worker <siteDir> <glob> <outputPath>"];
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false, verbose: false });
    if (errors.length > 0 || !index) return errors.length > 0 ? errors : ["Pagefind did not start"];
    const added = await index.addDirectory({ path: siteDir, glob });
    if (added.errors.length > 0) return added.errors;
    const written = await index.writeFiles({ outputPath });
    return written.errors;
  } finally {
    await pagefind.close();
  }
}

const errors = await run().catch((err: unknown) => [err instanceof Error ? err.message : String(err)]);
process.send?.({ errors }, () => process.exit(0));

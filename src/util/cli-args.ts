import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * `parseArgs` (strict) for our command-line scripts, with an editor's message instead of a stack
 * trace: `--help` or `-h` prints `usage` and exits 0; an unknown option, a missing value or a
 * stray argument prints the problem and `usage` and exits with status 2.
 * @param usage one line or more, e.g. "npm run build [-- --full] [--no-search] …".
 */
export function parseCliArgs<T extends ParseArgsConfig>(config: T, usage: string, argv: readonly string[] = process.argv.slice(2)): ReturnType<typeof parseArgs<T>> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(`Usage: ${usage}`);
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args: [...argv] }) as ReturnType<typeof parseArgs<T>>;
  } catch (err) {
    console.error(`${(err as Error).message.split("\n")[0]}\nUsage: ${usage}`);
    process.exit(2);
  }
}

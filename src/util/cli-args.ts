import { parseArgs, type ParseArgsConfig } from "node:util";
import { resolveMessageLang, say, setMessageLang } from "../i18n/index.ts";

/**
 * `parseArgs` (strict) for our command-line scripts, with an editor's message instead of a stack
 * trace: `--help` or `-h` prints `usage` and exits 0; an unknown option, a missing value or a
 * stray argument prints the problem (in Chinese, or English under `--lang en`) and `usage`, and
 * exits with status 2. Every command also takes `--lang zh|en`, which sets the message language
 * (else `messages:` of `<--content or issues>/archive.yml`, else Chinese; see `resolveMessageLang`).
 * @param usage one line or more, e.g. "npm run build [-- --full] [--no-search] …".
 */
export function parseCliArgs<T extends ParseArgsConfig>(config: T, usage: string, argv: readonly string[] = process.argv.slice(2)): ReturnType<typeof parseArgs<T>> {
  const langAt = argv.indexOf("--lang");
  const flag = langAt >= 0 ? argv[langAt + 1] : argv.find((a) => a.startsWith("--lang="))?.slice("--lang=".length);
  const contentAt = argv.indexOf("--content");
  setMessageLang(resolveMessageLang(flag, contentAt >= 0 ? argv[contentAt + 1] : "issues"));
  const usageLine = `${say({ zh: "用法：", en: "Usage: " })}${usage} [--lang zh|en]`;
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usageLine);
    process.exit(0);
  }
  if (flag !== undefined && flag !== "zh" && flag !== "en") {
    console.error(`${say({ zh: `--lang 只能是 zh（中文）或 en（英文），现为“${flag}”`, en: `--lang must be zh or en, got "${flag}"` })}\n${usageLine}`);
    process.exit(2);
  }
  const rest = argv.filter((a, i) => !(a === "--lang" || a.startsWith("--lang=") || (langAt >= 0 && i === langAt + 1)));
  try {
    return parseArgs({ ...config, args: rest }) as ReturnType<typeof parseArgs<T>>;
  } catch (err) {
    console.error(`${explainArgsError(err as NodeJS.ErrnoException)}\n${usageLine}`);
    process.exit(2);
  }
}

/** Node's parseArgs errors (`Unknown option '--x'`…) as an editor's sentence. */
function explainArgsError(err: NodeJS.ErrnoException): string {
  const text = err.message.split("\n")[0]!;
  const option = /'(-[^' ]*)/.exec(text)?.[1] ?? "";
  const value = /'([^']*)'/.exec(text)?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return say({ zh: `不认识的选项 ${option}，请检查拼写（-- --help 列出全部选项）`, en: text });
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return say({ zh: `选项 ${option || value} 的写法不对：它${/argument missing/.test(text) ? "后面要跟一个值" : "不带值"}`, en: text });
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return say({ zh: `多余的参数“${value}”：这个命令不接受它（选项要以 -- 开头）`, en: text });
    default:
      return say({ zh: `命令行参数有误（${text}）`, en: text });
  }
}

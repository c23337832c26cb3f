import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

/**
 * Language of what the commands print and of the error banner of `npm start`: `zh` (plain
 * Chinese, the default: editors are Chinese) or `en`. Page text is always the content's language.
 */
export type MessageLang = "zh" | "en";

/** One message in both languages. Chinese is the official text; English is a translation for developers. */
export interface Bilingual {
  zh: string;
  en: string;
}

let current: MessageLang = "zh";

/** Sets the language of every message printed from now on (called once by a command, from `--lang` or `archive.yml`). */
export function setMessageLang(lang: MessageLang): void {
  current = lang;
}

/** The language messages are printed in (default `zh`). */
export function messageLang(): MessageLang {
  return current;
}

/**
 * Picks one language of a message. A plain string is taken as it is (a message written only in
 * Chinese stays Chinese under `--lang en`).
 * @example say({ zh: "已生成网站。", en: "Built the site." }) // "已生成网站。"
 */
export function say(text: Bilingual | string, lang: MessageLang = current): string {
  return typeof text === "string" ? text : text[lang];
}

/**
 * Reads `--lang` (zh or en, else null for not given/unknown) or, failing that, `messages:` of
 * `<contentDir>/archive.yml` (`messages: en`); a missing or broken settings file gives `zh`
 * (the checks report it).
 */
export function resolveMessageLang(flag: string | undefined, contentDir = "issues"): MessageLang {
  if (flag === "en" || flag === "zh") return flag;
  try {
    const settings: unknown = parse(readFileSync(path.join(contentDir, "archive.yml"), "utf8"));
    if (settings && typeof settings === "object" && (settings as Record<string, unknown>).messages === "en") return "en";
  } catch {
    // No readable settings: Chinese, the default; npm run check reports the file itself.
  }
  return "zh";
}

/**
 * An error an editor can act on, in both languages: commands print `say(err.text)` and no
 * stack trace. `message` is the Chinese text.
 */
export class EditorError extends Error {
  readonly text: Bilingual;
  constructor(text: Bilingual, options?: ErrorOptions) {
    super(text.zh, options);
    this.name = "EditorError";
    this.text = text;
  }
}

/**
 * A zod error message in both languages. Zod carries one string per issue, so the pair travels
 * as JSON and `checkFieldShapes` reads it back with {@link readBilingual}.
 */
export function bilingualText(zh: string, en: string): string {
  return JSON.stringify({ zh, en } satisfies Bilingual);
}

/** Reads a message written with {@link bilingualText}; any other text is taken as both languages. */
export function readBilingual(text: string): Bilingual {
  if (text.startsWith('{"zh":')) {
    try {
      const value = JSON.parse(text) as Bilingual;
      if (typeof value.zh === "string" && typeof value.en === "string") return value;
    } catch {
      // Not one of ours after all: shown as it is, below.
    }
  }
  return { zh: text, en: text };
}

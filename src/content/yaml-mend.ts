import type { Bilingual } from "../i18n/index.ts";

/** One line of YAML mended so the lines after it can still be read and checked. */
export interface YamlMend {
  /** 0-based line of the YAML text. */
  line: number;
  /** 1-based column the mistake starts at. */
  column: number;
  message: Bilingual;
  fix: Bilingual;
  /** A field whose value the mend had to guess at: left out of the readable fields. */
  unsure?: string;
}

/**
 * Mends the mistakes editors most often make in YAML that the yaml library reports as several
 * errors or none at the right place, so that each is said once, at its line, and the rest of the
 * file is still read (all mistakes in one pass). Called only for text that does not parse:
 * 1. a line indented with tabs (YAML 1.2 §6.1 forbids tabs in indentation): tabs → two spaces;
 * 2. a full-width colon after a field name (`title：…`): → `title: …`;
 * 3. if the text still does not parse, a top-level `field: "value` line whose opening quote
 *    (" or ') is not closed on that line (YAML lets a quoted value run over several lines, so it
 *    swallows the lines after it): the quote is closed at the end of the line, and the field's
 *    value is marked unsure.
 * @param stillBroken true when a text fails to parse.
 * @returns the mended text (line numbers unchanged) and one mend per mended line.
 */
export function mendYaml(text: string, stillBroken: (text: string) => boolean): { text: string; mends: YamlMend[] } {
  const lines = text.split("\n");
  const mends: YamlMend[] = [];
  lines.forEach((raw, line) => {
    const tabs = /^[ \t]*\t[ \t]*/u.exec(raw);
    if (tabs) {
      lines[line] = tabs[0].replace(/\t/gu, "  ") + raw.slice(tabs[0].length);
      mends.push({ line, column: 1, message: { zh: "这一行用制表符（Tab）缩进，YAML 不允许", en: "the line is indented with a tab, which YAML does not allow" }, fix: { zh: "把行首的 Tab 换成空格", en: "indent with spaces, not tabs" } });
    }
    const colon = /^(\s*)([A-Za-z][\w-]*)[ \t]*：[ \t]*/u.exec(lines[line]!);
    if (colon) {
      const key = colon[2]!;
      lines[line] = `${colon[1]}${key}: ${lines[line]!.slice(colon[0].length)}`;
      mends.push({ line, column: colon[1]!.length + key.length + 1, message: { zh: `字段名“${key}”后面是全角冒号“：”，YAML 读不懂`, en: `the field name '${key}' is followed by a full-width colon (：)` }, fix: { zh: `改为半角冒号加空格：${key}: …`, en: `use an ASCII colon and a space: ${key}: …` } });
    }
  });
  if (mends.length === 0 || stillBroken(lines.join("\n"))) {
    lines.forEach((raw, line) => {
      const m = /^([\w-]+):[ \t]+(["'])(.*)$/u.exec(raw.replace(/\r$/u, ""));
      if (!m) return;
      const [, field, quote, rest] = m as unknown as [string, string, string, string];
      // A closing quote counts unless escaped: \" in double quotes, '' inside single quotes.
      const body = quote === '"' ? rest.replace(/\\./gu, "") : rest.replace(/''/gu, "");
      if (body.includes(quote)) return;
      lines[line] = raw + quote;
      mends.push({
        line, column: raw.length + 1, unsure: field,
        message: { zh: `“${field}”的值以引号 ${quote} 开头，但这一行没有结尾的 ${quote}，后面几行都被当成了它的值`, en: `the value of '${field}' opens a ${quote} that its line never closes` },
        fix: { zh: `在这一行的末尾补上 ${quote}，或删去开头的 ${quote}`, en: `add ${quote} at the end of the line, or remove the opening one` },
      });
    });
  }
  return { text: lines.join("\n"), mends };
}

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
 *    value is marked unsure;
 * 4. then a top-level list written on one line, `field: ["A", "B]` or `field: ["A", "B"`, whose
 *    last item's quote or closing `]` is missing and whose next line is another field (YAML reads
 *    on into that line and reports the error there): the quote goes before the final `]`, the `]`
 *    at the end, and the message shows the line as mended (`mendList`).
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
    lines.forEach((raw, line) => {
      const next = lines.slice(line + 1).find((l) => l.trim() !== "");
      if (next !== undefined && !/^[\w-]+:/u.test(next)) return;
      const mend = mendList(raw.replace(/\r$/u, ""), line);
      if (!mend) return;
      lines[line] = mend.text;
      mends.push(mend.mend);
    });
  }
  return { text: lines.join("\n"), mends };
}

/**
 * Mends a top-level one-line list of double-quoted items, `field: ["A", "B]` (the last item's
 * closing quote missing) or `field: ["A", "B"` (the closing `]` missing), into `field: ["A", "B"]`.
 * @returns null when the line is no such list or is complete.
 */
function mendList(raw: string, line: number): { text: string; mend: YamlMend } | null {
  const m = /^([\w-]+):[ \t]+(\[.*?)[ \t]*$/u.exec(raw);
  if (!m || !m[2]!.includes('"')) return null;
  const [, field, value] = m as unknown as [string, string, string];
  const quotes = value.replace(/\\./gu, "").split('"').length - 1;
  let fixed = value;
  if (quotes % 2 === 1) fixed = fixed.endsWith("]") ? `${fixed.slice(0, -1)}"]` : `${fixed}"`;
  // The closing bracket counts only outside the quotes.
  if (!/\]$/u.test(fixed.replace(/"(?:\\.|[^"\\])*"/gu, ""))) fixed += "]";
  if (fixed === value) return null;
  const text = `${field}: ${fixed}`;
  const quote = quotes % 2 === 1;
  return {
    text,
    mend: {
      line, column: raw.indexOf(value) + 1, unsure: field,
      message: quote
        ? { zh: `“${field}”的列表里有一个英文双引号 " 没有配对，YAML 把后面几行也当成了它的值`, en: `a double quote in the list of '${field}' is not closed, so YAML reads on into the next lines` }
        : { zh: `“${field}”的列表缺少结尾的 ]，YAML 把后面几行也当成了它的值`, en: `the list of '${field}' lacks its closing ], so YAML reads on into the next lines` },
      fix: { zh: `每一项都用一对英文双引号括起来，列表以 ] 结束，改为：${text}`, en: `put each item in a pair of double quotes and end the list with ]: ${text}` },
    },
  };
}

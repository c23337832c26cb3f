/**
 * Pairs (radical, ideograph) of the CJK Radicals Supplement block U+2E80–U+2EFF, from the Unicode
 * Character Database file EquivalentUnifiedIdeograph.txt (read through Perl's Unicode::UCD,
 * property Equivalent_Unified_Ideograph). NFKC does not fold this block.
 */
const SUPPLEMENT = "⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇𠘨⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺑𡯂⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪𤴔⺫目⺬示⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺵𦉫⺶羊⺷𦍌⺸𦍋⺹耂⺺肀⺻聿⺼肉⺽𦥑⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟";

const MAP = new Map<string, string>();
{
  const chars = [...SUPPLEMENT];
  for (let i = 0; i + 1 < chars.length; i += 2) MAP.set(chars[i]!, chars[i + 1]!);
}

const RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/gu;

/**
 * Folds radical code points that PDF text layers use for ordinary ideographs (Chromium's PDFs
 * among others: pdf.js reads 人民 as ⼈⺠ and 门 as ⻔) back to the unified ideographs:
 * Kangxi Radicals U+2F00–U+2FDF by NFKC (⼈ → 人), CJK Radicals Supplement U+2E80–U+2EFF by
 * Unicode's Equivalent_Unified_Ideograph (⺠ → 民, ⻔ → 门). Every other character is unchanged
 * (no NFKC of the rest of the text: full-width punctuation stays).
 * @returns the text and how many characters were folded.
 */
export function foldRadicals(text: string): { text: string; folded: number } {
  let folded = 0;
  const out = text.replace(RADICAL, (ch) => {
    const to = ch >= "\u2F00" ? ch.normalize("NFKC") : MAP.get(ch);
    if (to === undefined || to === ch) return ch;
    folded++;
    return to;
  });
  return { text: out, folded };
}

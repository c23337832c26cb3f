/**
 * Page geometry of GB/T 9704-2012《党政机关公文格式》 in millimetres and points, the single
 * source of the numbers used by the print stylesheet (`src/theme/print-gbt9704.scss` gets them
 * through `layoutScssVariables`) and by the PDF tests.
 */

/** Millimetres per CSS pixel (96 px = 1 in = 25.4 mm). */
const MM_PER_PX = 25.4 / 96;
/** Points per millimetre (72 pt = 25.4 mm). */
export const PT_PER_MM = 72 / 25.4;

/** GB/T 9704-2012 §5.2.1: 公文用纸 A4, 210 mm × 297 mm. */
export const PAGE = { widthMm: 210, heightMm: 297 } as const;

/**
 * GB/T 9704-2012 §5.2.2 版面: 天头（上白边）37 mm ± 1 mm, 订口（左白边）28 mm ± 1 mm,
 * 版心 156 mm × 225 mm (page number not included). Right and bottom follow: 26 mm and 35 mm.
 */
export const MARGINS = { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 } as const;
/** GB/T 9704-2012 §5.2.2: 版心 156 mm × 225 mm, tolerance 1 mm. */
export const TYPE_AREA = { widthMm: 156, heightMm: 225, toleranceMm: 1 } as const;

/** GB/T 9704-2012 §5.2.4: 一般每面排22行，每行排28个字，并撑满版心. */
export const GRID = { lines: 22, charsPerLine: 28 } as const;

/**
 * Font sizes in pt (Chinese 号 sizes): 2号 22 pt (§7.3.1 title), 3号 16 pt (§5.2.3 body),
 * 4号 14 pt (§7.5 page number).
 */
export const SIZE_PT = { title: 22, body: 16, pageNumber: 14 } as const;

/** GB/T 9704-2012 §7.5: 一字线上距版心下边缘7mm. */
export const PAGE_NUMBER_GAP_MM = 7;

/** Rounds a length in px down to Chromium's layout unit (1/64 px), so N of them never overflow. */
function floorLayoutUnit(px: number): number {
  return Math.floor(px * 64) / 64;
}

/**
 * Line pitch of body text in CSS px: 225 mm / 22 lines (§5.2.4), rounded down to 1/64 px so that
 * exactly 22 lines fit in the type area. ≈ 38.64 px = 10.22 mm.
 */
export function linePitchPx(): number {
  return floorLayoutUnit(TYPE_AREA.heightMm / MM_PER_PX / GRID.lines);
}

/**
 * Letter spacing (CSS px, negative) that fits 28 characters of 3号 (16 pt = 5.64 mm, 28 × 5.64 =
 * 158 mm) into the 156 mm line of §5.2.4: 156 mm / 28 − 16 pt, rounded down to 1/64 px.
 */
export function letterSpacingPx(): number {
  const pitch = TYPE_AREA.widthMm / MM_PER_PX / GRID.charsPerLine;
  const em = (SIZE_PT.body * 96) / 72;
  return floorLayoutUnit(pitch - em);
}

/**
 * The layout as Sass variable declarations, prepended to the print stylesheet so that CSS and
 * tests share one set of numbers.
 * @example layoutScssVariables() // "$page-width: 210mm;\n$margin-top: 37mm;…"
 */
export function layoutScssVariables(): string {
  const vars: Record<string, string> = {
    "page-width": `${PAGE.widthMm}mm`,
    "page-height": `${PAGE.heightMm}mm`,
    "margin-top": `${MARGINS.topMm}mm`,
    "margin-bottom": `${MARGINS.bottomMm}mm`,
    "margin-left": `${MARGINS.leftMm}mm`,
    "margin-right": `${MARGINS.rightMm}mm`,
    "type-width": `${TYPE_AREA.widthMm}mm`,
    "type-height": `${TYPE_AREA.heightMm}mm`,
    "body-size": `${SIZE_PT.body}pt`,
    "title-size": `${SIZE_PT.title}pt`,
    "page-number-size": `${SIZE_PT.pageNumber}pt`,
    "page-number-gap": `${PAGE_NUMBER_GAP_MM}mm`,
    "line-pitch": `${linePitchPx()}px`,
    "letter-spacing": `${letterSpacingPx()}px`,
  };
  return Object.entries(vars)
    .map(([k, v]) => `$${k}: ${v};`)
    .join("\n");
}

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

/** GB/T 9704-2012 §7.2.7: 发文字号之下4mm处居中印一条与版心等宽的红色分隔线. */
export const RED_RULE = { gapMm: 4, thicknessPt: 1 } as const;

/**
 * Where a CJK face sets its ideographic em box: 0.88 em above and 0.12 em below the baseline
 * (the OpenType `ideo` baseline of Noto CJK and LXGW WenKai). Every print face is declared with
 * these as `ascent-override` / `descent-override` (line gap 0), so a run in Kai, Hei or bold sits
 * in the same box as the body face: a line's height is the line pitch whatever faces it mixes.
 */
export const EM_BOX = { ascent: 0.88, descent: 0.12 } as const;

/**
 * Where the ink of the em dash `—` of the page-number face (Noto Serif SC Regular, U+2014) lies
 * below the top of its em box, in em: 0.58. Measured on a 300-dpi render of the PDF (the stroke's
 * top edge); used to put the dash itself 7 mm below the type area (§7.5).
 */
export const PAGE_NUMBER_DASH_EM = 0.58;

/** Rounds a length in px down to Chromium's layout unit (1/64 px), so N of them never overflow. */
function floorLayoutUnit(px: number): number {
  return Math.floor(px * 64) / 64;
}

/** 3号 body em in mm (16 pt = 5.644 mm). */
export function bodyEmMm(): number {
  return SIZE_PT.body / PT_PER_MM;
}

/**
 * Line pitch of body text in mm: 22 lines fill the type area (§5.2.4 撑满版心), the em box of the
 * first line at its top edge and that of the 22nd at its bottom edge: (225 mm − 1 em) / 21 ≈ 10.45 mm.
 */
export function linePitchMm(): number {
  return (TYPE_AREA.heightMm - bodyEmMm()) / (GRID.lines - 1);
}

/** Line pitch of body text in CSS px, {@link linePitchMm} rounded down to 1/64 px (≈ 39.48 px). */
export function linePitchPx(): number {
  return floorLayoutUnit(linePitchMm() / MM_PER_PX);
}

/**
 * Margins of the CSS page box in mm. A line box is one pitch high with the em box in its middle
 * (half-leading above and below), so the page box starts half a leading above the type area: the
 * em box of the first line then sits at 37 mm (§5.2.2) and 22 line boxes end half a leading below
 * the type area. Left and right are the binding (订口) and outer sides of a right-hand page.
 */
export function pageBoxMarginsMm(): { topMm: number; bottomMm: number; leftMm: number; rightMm: number } {
  const pitchMm = linePitchPx() * MM_PER_PX;
  const halfLeading = (pitchMm - bodyEmMm()) / 2;
  const topMm = MARGINS.topMm - halfLeading;
  // 0.01 mm of slack, so rounding never pushes the 22nd line onto the next page.
  const bottomMm = PAGE.heightMm - topMm - GRID.lines * pitchMm - 0.01;
  return { topMm, bottomMm, leftMm: MARGINS.leftMm, rightMm: MARGINS.rightMm };
}

/** Half the leading of a body line in mm: the space between a line box's top and its em box. */
export function halfLeadingMm(): number {
  return (linePitchPx() * MM_PER_PX - bodyEmMm()) / 2;
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
 * @example layoutScssVariables() // "$page-width: 210mm;\n$margin-top: 34.6…mm;…"
 */
export function layoutScssVariables(): string {
  const box = pageBoxMarginsMm();
  const mm = (n: number) => `${Number(n.toFixed(4))}mm`;
  const halfLeading = halfLeadingMm();
  // The page-number line: from the bottom of the page box to the dash 7 mm below the type area.
  const typeBottom = MARGINS.topMm + TYPE_AREA.heightMm;
  const boxBottom = PAGE.heightMm - box.bottomMm;
  const dashGap = typeBottom + PAGE_NUMBER_GAP_MM - boxBottom - PAGE_NUMBER_DASH_EM * (SIZE_PT.pageNumber / PT_PER_MM);
  const vars: Record<string, string> = {
    "page-width": `${PAGE.widthMm}mm`,
    "page-height": `${PAGE.heightMm}mm`,
    "margin-top": mm(box.topMm),
    "margin-bottom": mm(box.bottomMm),
    "margin-left": `${box.leftMm}mm`,
    "margin-right": `${box.rightMm}mm`,
    "type-width": `${TYPE_AREA.widthMm}mm`,
    "type-height": `${TYPE_AREA.heightMm}mm`,
    "body-size": `${SIZE_PT.body}pt`,
    "title-size": `${SIZE_PT.title}pt`,
    "page-number-size": `${SIZE_PT.pageNumber}pt`,
    "page-number-gap": mm(dashGap),
    "half-leading": mm(halfLeading),
    "red-rule-offset": mm(RED_RULE.gapMm - halfLeading),
    "red-rule-thickness": `${RED_RULE.thicknessPt}pt`,
    "line-pitch": `${linePitchPx()}px`,
    "letter-spacing": `${letterSpacingPx()}px`,
  };
  return Object.entries(vars)
    .map(([k, v]) => `$${k}: ${v};`)
    .join("\n");
}

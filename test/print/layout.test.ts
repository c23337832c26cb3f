import { test } from "uvu";
import * as assert from "uvu/assert";
import { GRID, MARGINS, PAGE, SIZE_PT, TYPE_AREA, bodyEmMm, halfLeadingMm, layoutScssVariables, letterSpacingPx, linePitchPx, pageBoxMarginsMm } from "../../src/print/index.ts";

const MM_PER_PX = 25.4 / 96;

test("margins and type area add up to A4 (GB/T 9704-2012 §5.2.1, §5.2.2)", () => {
  assert.is(MARGINS.leftMm + TYPE_AREA.widthMm + MARGINS.rightMm, PAGE.widthMm);
  assert.is(MARGINS.topMm + TYPE_AREA.heightMm + MARGINS.bottomMm, PAGE.heightMm);
});

test("22 lines fill the type area: the first em box at its top edge, the 22nd at its bottom edge (§5.2.4 撑满版心)", () => {
  const pitch = linePitchPx() * MM_PER_PX;
  const span = 21 * pitch + bodyEmMm();
  assert.ok(span <= TYPE_AREA.heightMm && TYPE_AREA.heightMm - span < 0.1, `${span} mm`);
});

test("the page box starts half a leading above the type area and holds exactly 22 line boxes", () => {
  const box = pageBoxMarginsMm();
  const pitch = linePitchPx() * MM_PER_PX;
  assert.ok(Math.abs(box.topMm + halfLeadingMm() - MARGINS.topMm) < 1e-9, `${box.topMm}`);
  const content = PAGE.heightMm - box.topMm - box.bottomMm;
  assert.ok(content >= GRID.lines * pitch && content < (GRID.lines + 1) * pitch, `${content} mm`);
});

test("28 characters of 3号 (16 pt) fit the 156 mm line with the letter spacing (§5.2.4)", () => {
  const em = (SIZE_PT.body * 96) / 72;
  const naturalMm = em * GRID.charsPerLine * MM_PER_PX;
  assert.ok(naturalMm > TYPE_AREA.widthMm, "without spacing 28 characters overflow");
  const spacedMm = (em + letterSpacingPx()) * GRID.charsPerLine * MM_PER_PX;
  assert.ok(spacedMm <= TYPE_AREA.widthMm && TYPE_AREA.widthMm - spacedMm < 0.5, `${spacedMm} mm`);
});

test("hands the numbers to Sass as variables", () => {
  const scss = layoutScssVariables();
  for (const line of ["$margin-left: 28mm;", "$body-size: 16pt;", "$title-size: 22pt;", "$page-number-size: 14pt;", "$red-rule-thickness: 1pt;"]) {
    assert.ok(scss.includes(line), line);
  }
  assert.match(scss, /\$line-pitch: 39\.\d+px;/);
  assert.match(scss, /\$margin-top: 34\.\d+mm;/);
});

test.run();

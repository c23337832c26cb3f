import { test } from "uvu";
import * as assert from "uvu/assert";
import { GRID, MARGINS, PAGE, SIZE_PT, TYPE_AREA, layoutScssVariables, letterSpacingPx, linePitchPx } from "../../src/print/index.ts";

const MM_PER_PX = 25.4 / 96;

test("margins and type area add up to A4 (GB/T 9704-2012 §5.2.1, §5.2.2)", () => {
  assert.is(MARGINS.leftMm + TYPE_AREA.widthMm + MARGINS.rightMm, PAGE.widthMm);
  assert.is(MARGINS.topMm + TYPE_AREA.heightMm + MARGINS.bottomMm, PAGE.heightMm);
});

test("22 lines fit the type area height within the 1 mm tolerance and never overflow it (§5.2.4)", () => {
  const total = linePitchPx() * GRID.lines * MM_PER_PX;
  assert.ok(total <= TYPE_AREA.heightMm, `${total} mm`);
  assert.ok(TYPE_AREA.heightMm - total < TYPE_AREA.toleranceMm, `${total} mm`);
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
  for (const line of ["$margin-top: 37mm;", "$margin-left: 28mm;", "$body-size: 16pt;", "$title-size: 22pt;", "$page-number-size: 14pt;", "$page-number-gap: 7mm;"]) {
    assert.ok(scss.includes(line), line);
  }
  assert.match(scss, /\$line-pitch: 38\.\d+px;/);
});

test.run();

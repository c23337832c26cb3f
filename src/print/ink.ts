import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A page rendered by `pdftoppm` at `dpi`: one byte per channel, rows top to bottom. */
export interface Raster {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
  /** Millimetres per pixel. */
  mmPerPx: number;
}

/**
 * Renders one page (1-based) of a PDF with poppler's `pdftoppm` at 300 dpi (anti-aliasing off, so
 * ink is ink): grey (`pgm`) or colour (`ppm`).
 */
export function renderPage(pdf: string, page: number, color = false, dpi = 300): Raster {
  const out = execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-aa", "no", "-aaVector", "no", ...(color ? [] : ["-gray"]), pdf], { maxBuffer: 256 * 1024 * 1024 });
  return parsePnm(out, dpi);
}

/** Renders every page of a PDF in grey with one `pdftoppm` run (faster than a run a page); page 1 first. */
export function renderPages(pdf: string, dpi = 300): Raster[] {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-preflight-"));
  try {
    execFileSync("pdftoppm", ["-r", String(dpi), "-aa", "no", "-aaVector", "no", "-gray", pdf, path.join(dir, "p")]);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".pgm"))
      .sort((a, b) => Number(a.match(/(\d+)\.pgm$/)![1]) - Number(b.match(/(\d+)\.pgm$/)![1]))
      .map((f) => parsePnm(readFileSync(path.join(dir, f)), dpi));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePnm(out: Buffer, dpi: number): Raster {
  // Header: P5|P6, width, height, maxval, each followed by whitespace.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(out[pos]!))) pos++;
    let f = "";
    while (!/\s/.test(String.fromCharCode(out[pos]!))) f += String.fromCharCode(out[pos++]!);
    fields.push(f);
  }
  pos++;
  const channels = fields[0] === "P6" ? 3 : 1;
  return { width: Number(fields[1]), height: Number(fields[2]), channels, data: out.subarray(pos), mmPerPx: 25.4 / dpi };
}

/** Is the pixel at (x, y) ink: dark (grey < 128), or for `red` a red one (R > 150, G and B < 110)? */
function isInk(r: Raster, x: number, y: number, red: boolean): boolean {
  const i = (y * r.width + x) * r.channels;
  if (r.channels === 1) return r.data[i]! < 128;
  const [R, G, B] = [r.data[i]!, r.data[i + 1]!, r.data[i + 2]!];
  return red ? R > 150 && G < 110 && B < 110 : R + G + B < 384;
}

/** A run of rows with ink, in mm from the top of the page. */
export interface InkBand {
  top: number;
  bottom: number;
  centre: number;
}

/**
 * Bands of rows that carry ink between `x0` and `x1` (mm) and `y0` and `y1` (mm): text lines,
 * rules. Rows closer than `gapMm` are one band.
 */
export function inkBands(r: Raster, area: { x0: number; x1: number; y0: number; y1: number }, options: { red?: boolean; gapMm?: number } = {}): InkBand[] {
  const px = (mm: number) => Math.max(0, Math.round(mm / r.mmPerPx));
  const [x0, x1] = [px(area.x0), Math.min(r.width, px(area.x1))];
  const [y0, y1] = [px(area.y0), Math.min(r.height, px(area.y1))];
  const gap = px(options.gapMm ?? 1);
  const bands: InkBand[] = [];
  let start = -1;
  let last = -1;
  for (let y = y0; y < y1; y++) {
    let ink = false;
    for (let x = x0; x < x1 && !ink; x++) ink = isInk(r, x, y, options.red ?? false);
    if (!ink) continue;
    if (start >= 0 && y - last > gap) {
      bands.push(band(start, last, r.mmPerPx));
      start = -1;
    }
    if (start < 0) start = y;
    last = y;
  }
  if (start >= 0) bands.push(band(start, last, r.mmPerPx));
  return bands;
}

function band(top: number, bottom: number, mmPerPx: number): InkBand {
  const t = top * mmPerPx;
  const b = (bottom + 1) * mmPerPx;
  return { top: t, bottom: b, centre: (t + b) / 2 };
}

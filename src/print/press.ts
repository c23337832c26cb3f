import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFArray, PDFDocument, PDFName } from "pdf-lib";
import { ghostscriptVersion, textKeepingArgs } from "./ghostscript.ts";
import { MARGINS, PT_PER_MM } from "./layout.ts";

const run = promisify(execFile);

/** A process colour in percent of cyan, magenta, yellow and black (0–100 each). */
export type Cmyk = readonly [number, number, number, number];

/** How the press PDF is made (`npm run pdf -- --press`); `archive.yml` → `print.press` may change each. */
export interface PressSettings {
  /** The masthead and rule red (版头红), GB/T 9704-2012 §6.2 leaves the value to the office: default M80 Y80. */
  red: Cmyk;
  /** Start every document on a right-hand (odd) page, so each can be pulled out. */
  rightHandStarts: boolean;
  /** Bleed around the trimmed A4 page, mm (BleedBox). */
  bleedMm: number;
  /** CMYK ICC profile of the output intent (the print shop's printing condition). */
  iccProfile: string;
  /** Name of that printing condition, e.g. `FOGRA39`, written into the output intent. */
  outputCondition: string;
}

/** Debian's `ghostscript` package ships this generic CMYK profile (`/usr/share/color/icc/ghostscript`). */
export const DEFAULT_ICC_PROFILE = "/usr/share/color/icc/ghostscript/default_cmyk.icc";

/** Defaults of {@link PressSettings}. */
export const DEFAULT_PRESS: PressSettings = {
  red: [0, 80, 80, 0],
  rightHandStarts: false,
  bleedMm: 3,
  iccProfile: DEFAULT_ICC_PROFILE,
  outputCondition: "Commercial offset printing (Ghostscript default CMYK)",
};

/**
 * The screen colour that Ghostscript's plain conversion (`-dUseFastColor`: C = 1 − R …, then all
 * of min(C, M, Y) moved to black) turns into exactly `cmyk`, as CSS `rgb()`. Black text (`#000`)
 * becomes K 100 only the same way.
 * @throws Error (in Chinese) when none of C, M, Y is 0: such a colour has no exact screen colour.
 * @example pressRgb([0, 80, 80, 0]) // "rgb(255 51 51)"
 */
export function pressRgb(cmyk: Cmyk): string {
  const [c, m, y, k] = cmyk.map((v) => v / 100) as [number, number, number, number];
  if (Math.min(c, m, y) > 0) throw new Error(`archive.yml: print.press.red ${cmyk.join(" ")} — 青、品、黄至少一项须为 0（例如 0 80 80 0），否则无法换算为准确的专色网点；请改为这样的值`);
  const channel = (v: number) => Math.round(255 * (1 - Math.min(1, v + k)));
  return `rgb(${channel(c)} ${channel(m)} ${channel(y)})`;
}

/**
 * The CSS added to the print view for the press: the red as {@link pressRgb}; mirrored margins
 * for two-sided printing (a left-hand page has its binding side, 订口 28 mm, on the right:
 * GB/T 9704-2012 §5.2.2 names the binding side, and the back of a sheet is bound on its right);
 * with `rightHandStarts`, the style of the blank pages that put every document on a right-hand
 * page (inserted by `renderPdf`, see `PdfJob.rightHandStarts`).
 */
export function pressCss(settings: PressSettings): string {
  const rules = [
    `:root{--gbt-red:${pressRgb(settings.red)}}`,
    `@page :left{margin-left:${MARGINS.rightMm}mm;margin-right:${MARGINS.leftMm}mm}`,
  ];
  // The blank pages renderPdf inserts for right-hand starts: no page number, no running head.
  if (settings.rightHandStarts) rules.push(".gbt-blank{page:blank;break-before:page;height:1px}", "@page blank{@top-center{content:none}@bottom-left{content:none}@bottom-right{content:none}}");
  return rules.join("\n");
}

/**
 * Readies a printed PDF for Ghostscript with pdf-lib: drops link annotations (PDF/X allows none on
 * a page), pads the page count with blank pages to a multiple of 4 (saddle stitching; the blanks
 * go before the last page when `keepLast`, a back cover) and gives every page a TrimBox (the A4
 * sheet) inside a MediaBox and BleedBox `bleedMm` larger on every side.
 * @returns the new bytes and the page count.
 */
export async function padAndBox(bytes: Uint8Array, options: { bleedMm: number; keepLast?: boolean }): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const [width, height] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
  while (pdf.getPageCount() % 4 !== 0) {
    if (options.keepLast && pdf.getPageCount() > 1) pdf.insertPage(pdf.getPageCount() - 1, [width, height]);
    else pdf.addPage([width, height]);
  }
  const bleed = options.bleedMm * PT_PER_MM;
  for (const page of pdf.getPages()) {
    page.node.delete(PDFName.of("Annots"));
    page.setMediaBox(-bleed, -bleed, width + 2 * bleed, height + 2 * bleed);
    page.setBleedBox(-bleed, -bleed, width + 2 * bleed, height + 2 * bleed);
    page.setTrimBox(0, 0, width, height);
  }
  const out = await pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
  return { bytes: out, pages: pdf.getPageCount() };
}

/** PostScript string literal: parentheses and backslashes escaped, non-ASCII as octal UTF-16BE with BOM. */
function psString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, "\\$&")})`;
  const utf16 = Buffer.from(`\ufeff${text}`, "utf16le").swap16();
  return `<${utf16.toString("hex")}>`;
}

/**
 * The PDF/X-1a definition Ghostscript reads before the document (after its own `PDFX_def.ps`):
 * version keys, title, trapping, and the output intent with the ICC profile embedded.
 */
function pdfxDefinition(title: string, settings: PressSettings): string {
  return `%!
% Black generation and undercolour removal in full: neutral greys and black go to K only.
{ } bind setblackgeneration { } bind setundercolorremoval
[ /GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001) /Title ${psString(title)} /Trapped /False /DOCINFO pdfmark
[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[{icc_PDFX} << /N 4 >> /PUT pdfmark
[{icc_PDFX} ${psString(settings.iccProfile)} (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX /OutputCondition ${psString(settings.outputCondition)} /OutputConditionIdentifier (Custom) /RegistryName (http://www.color.org) /Info ${psString(settings.outputCondition)} /DestOutputProfile {icc_PDFX} >> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`;
}

/**
 * Converts a readied PDF ({@link padAndBox}) into a PDF/X-1a:2001 press file with Ghostscript
 * (`gs`, Debian package `ghostscript`): every colour to DeviceCMYK (or DeviceGray for K-only
 * black) by the plain conversion, PDF 1.3 (no transparency), fonts kept embedded, output intent
 * with the ICC profile, the text layer kept ({@link textKeepingArgs}). Ghostscript is a print industry tool that checks PDF/X as it writes: when
 * the file cannot be PDF/X it says so, and this function stops. Dates come from `date`
 * (SOURCE_DATE_EPOCH) and the output's name is fixed, so two runs give the same bytes.
 * @param date `YYYY-MM-DD`, the creation date written (the 出版日期).
 * @throws Error in Chinese when gs is missing, the ICC profile is missing, or gs reports the
 *   file is not PDF/X.
 */
export async function convertToPdfx(input: Uint8Array, options: { title: string; date: string; settings: PressSettings }): Promise<Uint8Array> {
  const { settings } = options;
  if (!existsSync(settings.iccProfile)) {
    throw new Error(`印刷用 ICC 色彩特性文件 ${settings.iccProfile} 不存在 — 请安装 Ghostscript（apt-get install ghostscript），或在 archive.yml 的 print.press.iccProfile 中填写印刷厂提供的文件路径`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), "gazette-press-"));
  try {
    await writeFile(path.join(dir, "in.pdf"), input);
    await writeFile(path.join(dir, "pdfx.ps"), pdfxDefinition(options.title, settings));
    const epoch = String(Math.floor(Date.parse(`${options.date}T00:00:00+08:00`) / 1000));
    const version = await ghostscriptVersion().catch(() => "");
    const args = [
      "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", `--permit-file-read=${settings.iccProfile}`, ...textKeepingArgs(version),
      "-sDEVICE=pdfwrite", "-dPDFX", "-dCompatibilityLevel=1.3",
      "-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK", "-dUseFastColor=true",
      "-o", "press.pdf", "pdfx.ps", "in.pdf",
    ];
    let output: { stdout: string; stderr: string };
    try {
      output = await run("gs", args, { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: epoch }, maxBuffer: 16 * 1024 * 1024 });
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { stderr?: string };
      if (e.code === "ENOENT") throw new Error("找不到 Ghostscript（gs）— 印刷版 PDF 需要它：apt-get install ghostscript（Windows、macOS 请从 ghostscript.com 安装并把 gs 加入 PATH）", { cause: err });
      throw new Error(`Ghostscript 未能生成印刷版 PDF：${(e.stderr ?? e.message).trim().slice(0, 400)}`, { cause: err });
    }
    const said = `${output.stdout}\n${output.stderr}`;
    if (/not permitted in PDF\/X|reverting to normal PDF/i.test(said)) {
      throw new Error(`Ghostscript 报告文件不符合 PDF/X：${said.trim().slice(0, 400)} — 印刷视图中不应有链接、透明或 RGB 图片`);
    }
    return new Uint8Array(await readFile(path.join(dir, "press.pdf")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Where the press PDF of a screen PDF goes: beside it, `…/2019-02.pdf` → `…/2019-02.press.pdf`. */
export function pressPdfPath(screenFile: string): string {
  return screenFile.replace(/\.pdf$/, ".press.pdf");
}

/** Reads the page boxes pdf-lib sees on page 1, in pt: for tests and the command's report. */
export async function pageBoxes(bytes: Uint8Array): Promise<Record<string, number[]>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const node = pdf.getPage(0).node;
  const boxes: Record<string, number[]> = {};
  for (const name of ["MediaBox", "TrimBox", "BleedBox"]) {
    const box = node.lookupMaybe(PDFName.of(name), PDFArray);
    if (box) boxes[name] = box.asArray().map((v) => Number(v.toString()));
  }
  return boxes;
}

/**
 * The press settings: {@link DEFAULT_PRESS} with what `archive.yml` → `print.press` sets and the
 * command line's choices on top.
 */
export function pressSettings(
  fromArchive: { red?: readonly [number, number, number, number] | undefined; iccProfile?: string | undefined; outputCondition?: string | undefined; rightHandStarts?: boolean | undefined; bleed?: number | undefined } | undefined,
  fromCommand: { rightHandStarts?: boolean } = {},
): PressSettings {
  const a = fromArchive ?? {};
  const settings: PressSettings = {
    red: a.red ?? DEFAULT_PRESS.red,
    rightHandStarts: (fromCommand.rightHandStarts || a.rightHandStarts) ?? DEFAULT_PRESS.rightHandStarts,
    bleedMm: a.bleed ?? DEFAULT_PRESS.bleedMm,
    iccProfile: a.iccProfile ?? DEFAULT_PRESS.iccProfile,
    outputCondition: a.outputCondition ?? DEFAULT_PRESS.outputCondition,
  };
  pressRgb(settings.red); // stops here, in Chinese, on a red without an exact screen colour
  return settings;
}

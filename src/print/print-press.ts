import type { Page } from "playwright-core";
import { convertToPdfx, padAndBox, pressCss, type PressSettings } from "./press.ts";
import { renderPdf, type PdfJob } from "./render-pdf.ts";

/** A press PDF made by {@link renderPressPdf}. */
export interface PressResult {
  bytes: Uint8Array;
  /** Pages after padding (a multiple of 4). */
  pages: number;
}

/**
 * Makes the press PDF of a print view: prints it again with the press CSS ({@link pressCss}:
 * CMYK red, mirrored margins, right-hand starts), pads it to a multiple of 4 pages and sets its
 * TrimBox and BleedBox ({@link padAndBox}), and converts it to PDF/X-1a with Ghostscript
 * ({@link convertToPdfx}).
 * @param job the screen PDF's job (same view, metadata and date).
 * @param hasBackCover the view ends with a back cover, so blank pages go before it.
 */
export async function renderPressPdf(page: Page, job: PdfJob, settings: PressSettings, hasBackCover = false): Promise<PressResult> {
  const printed = await renderPdf(page, { ...job, css: [job.css, pressCss(settings)].filter(Boolean).join("\n"), rightHandStarts: settings.rightHandStarts });
  const padded = await padAndBox(printed.bytes, { bleedMm: settings.bleedMm, keepLast: hasBackCover });
  const bytes = await convertToPdfx(padded.bytes, { title: job.title, date: job.date, settings });
  return { bytes, pages: padded.pages };
}

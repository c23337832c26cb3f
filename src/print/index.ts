export { PRINT_FONTS, PRINT_FONTS_CSS, writePrintFonts, type PrintFont } from "./fonts.ts";
export { headingLevel, markHeadingLevels, type HeadingLevel } from "./heading-level.ts";
export { GRID, MARGINS, PAGE, PAGE_NUMBER_GAP_MM, PT_PER_MM, SIZE_PT, TYPE_AREA, layoutScssVariables, letterSpacingPx, linePitchPx } from "./layout.ts";
export { pdfPath, printUrl, type Printable } from "./paths.ts";
export { readOutline, type OutlineItem } from "./pdf-outline.ts";
export { PRINT_CSS, PRINT_THEME_ENTRY, writePrintAssets } from "./print-assets.ts";
export { MAX_PASSES, renderPdf, type PdfJob, type PdfResult } from "./render-pdf.ts";
export { printTasks, type PrintTask, type PrintTaskOptions } from "./print-jobs.ts";
export { printPdfs, unhidePdfLinks, type PrintedPdf } from "./print-pdfs.ts";

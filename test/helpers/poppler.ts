import { execFileSync } from "node:child_process";

/** Runs a poppler-utils command (pdfinfo, pdffonts, pdftotext) and returns its stdout. */
export function poppler(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** A word of `pdftotext -bbox`, coordinates in mm from the top left corner of the page. */
export interface BoxWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** One page of `pdftotext -bbox`: size in mm and its words. */
export interface BoxPage {
  widthMm: number;
  heightMm: number;
  words: BoxWord[];
}

const MM = 25.4 / 72;

/** Parses `pdftotext -bbox file -` into pages of words (pt converted to mm). */
export function bboxPages(pdf: string): BoxPage[] {
  const xml = poppler("pdftotext", ["-bbox", pdf, "-"]);
  const pages: BoxPage[] = [];
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      text: w[5]!,
      xMin: Number(w[1]) * MM,
      yMin: Number(w[2]) * MM,
      xMax: Number(w[3]) * MM,
      yMax: Number(w[4]) * MM,
    }));
    pages.push({ widthMm: Number(m[1]) * MM, heightMm: Number(m[2]) * MM, words });
  }
  return pages;
}

/** Text of each page (`pdftotext -layout`), split at form feeds; index 0 is page 1. */
export function pageTexts(pdf: string): string[] {
  return poppler("pdftotext", ["-layout", pdf, "-"]).split("\f").slice(0, -1);
}

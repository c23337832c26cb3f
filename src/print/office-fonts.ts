import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { embeddingProblem, fontFileInfo } from "./font-file.ts";
import { EM_BOX } from "./layout.ts";

/** The four GB/T 9704-2012 faces an office may replace with its licensed fonts. */
export type FontRole = "body" | "title" | "hei" | "kai";

/** Licensed font files by role (absolute paths), from `archive.yml` → `print.fonts`. */
export type OfficeFonts = Partial<Record<FontRole, string>>;

/** URL path under which `npm run pdf` hands the files to Chromium (never written to the site). */
export const OFFICE_FONT_PATH = "/__office-fonts/";

/** Where each role is used, and the bundled face it falls back to for missing characters. */
const ROLES: Record<FontRole, { selectors: string; fallback: string; weight?: number; label: string }> = {
  body: { selectors: "body.gbt,.gbt strong", fallback: '"Noto Serif SC"', label: "正文（仿宋）" },
  title: { selectors: ".gbt h1.gbt-doc__title,.gbt .gbt-subtitle,.gbt-cover__name", fallback: '"Noto Serif SC"', weight: 400, label: "标题（小标宋）" },
  hei: { selectors: ".gbt .gbt-l1,.gbt .gbt-chapter,.gbt th,.gbt-toc__heading,.gbt-toc__section,.gbt .doc-attachment>p:first-child", fallback: '"Noto Sans SC"', label: "黑体" },
  kai: { selectors: ".gbt .gbt-l2", fallback: '"LXGW WenKai"', label: "楷体" },
};

/**
 * Resolves `print.fonts` of `archive.yml` (paths relative to the content folder) and keeps the
 * files that exist and can be embedded in the PDF as CID fonts (`embeddingProblem`: TrueType
 * outlines, an `fsType` that allows embedding); a missing or unusable one is reported (in
 * Chinese, with the reason and the fix) and its role keeps the free face.
 * @returns the usable fonts and the warnings to print.
 */
export function resolveOfficeFonts(fonts: Partial<Record<FontRole, string>> | undefined, contentDir: string): { fonts: OfficeFonts; warnings: string[] } {
  const usable: OfficeFonts = {};
  const warnings: string[] = [];
  for (const [role, file] of Object.entries(fonts ?? {}) as [FontRole, string][]) {
    const full = path.resolve(contentDir, file);
    if (!existsSync(full)) {
      warnings.push(`archive.yml print.fonts.${role}：找不到字体文件 ${full} — ${ROLES[role].label}改用免费字体；请检查路径`);
      continue;
    }
    const problem = embeddingProblem(fontFileInfo(readFileSync(full)));
    if (problem) warnings.push(`archive.yml print.fonts.${role}：字体文件 ${full} ${problem}，无法嵌入 PDF — ${ROLES[role].label}改用免费字体；请向字体厂商索取允许嵌入的 TrueType（.ttf）版本`);
    else usable[role] = full;
  }
  return { fonts: usable, warnings };
}

/** The family name a role's licensed font gets in the print view. */
export function officeFamily(role: FontRole): string {
  return `Gazette Office ${role}`;
}

/**
 * CSS that sets the licensed fonts in their roles (added when printing, like the running head):
 * one `@font-face` a role, with the same em box as the bundled faces (so the grid holds), its
 * file served at {@link OFFICE_FONT_PATH}`<role><ext>`; the bundled face stays the fallback for
 * any character the licensed font lacks. A title face is used at its own weight (小标宋 has one).
 */
export function officeFontCss(fonts: OfficeFonts): string {
  const rules: string[] = [];
  for (const [role, file] of Object.entries(fonts) as [FontRole, string][]) {
    const r = ROLES[role];
    rules.push(
      `@font-face{font-family:"${officeFamily(role)}";src:url(${OFFICE_FONT_PATH}${role}${path.extname(file)});font-display:block;` +
        `ascent-override:${EM_BOX.ascent * 100}%;descent-override:${EM_BOX.descent * 100}%;line-gap-override:0%}`,
    );
    rules.push(`${r.selectors}{font-family:"${officeFamily(role)}",${r.fallback}${r.weight ? `;font-weight:${r.weight}` : ""}}`);
  }
  return rules.join("\n");
}

/** The file to serve for a request path under {@link OFFICE_FONT_PATH}, or undefined. */
export function officeFontFile(fonts: OfficeFonts, urlPath: string): string | undefined {
  const name = urlPath.slice(urlPath.lastIndexOf("/") + 1);
  const role = name.replace(/\.[^.]+$/, "") as FontRole;
  return fonts[role];
}

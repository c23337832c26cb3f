import { z } from "zod";

const percent = z.number({ error: "must be a percentage 0–100" }).min(0).max(100);

/**
 * Optional print settings of `issues/archive.yml` (`print:`), read by `npm run pdf`:
 * - `press`: the press PDF (`--press`): `red` as C M Y K percentages (default `[0, 80, 80, 0]`),
 *   `iccProfile` (the print shop's CMYK profile file) and `outputCondition` (its name),
 *   `rightHandStarts`, `bleed` in mm;
 * - `fonts`: the office's licensed font files by role (`body` 仿宋, `title` 小标宋, `hei` 黑体,
 *   `kai` 楷体), paths relative to the content folder; used by `npm run pdf` only, never published;
 * - `editorial`: the back cover's editorial data (主办, 编辑, 印刷, 发送范围 …), printed in order.
 */
export const printSettings = z.object({
  press: z
    .object({
      red: z.tuple([percent, percent, percent, percent], { error: "must be four numbers C M Y K like [0, 80, 80, 0]" }).optional(),
      iccProfile: z.string().min(1).optional(),
      outputCondition: z.string().min(1).optional(),
      rightHandStarts: z.boolean().optional(),
      bleed: z.number().min(0).max(10).optional(),
    })
    .optional(),
  fonts: z
    .object({ body: z.string().min(1).optional(), title: z.string().min(1).optional(), hei: z.string().min(1).optional(), kai: z.string().min(1).optional() })
    .optional(),
  editorial: z.array(z.object({ label: z.string().min(1), value: z.string().min(1) }), { error: "must list items like - { label: 主办, value: 乳山市人民政府办公室 }" }).optional(),
});
export type PrintSettings = z.output<typeof printSettings>;

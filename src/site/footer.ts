import type { ArchiveSettings } from "../content/schema.ts";

import type { FooterItem } from "../model/site-model.ts";

export type { FooterItem };

/**
 * The official-site footer lines from `archive.yml` (only the fields that are set), in the order
 * Chinese government sites show them: 主办/承办, 联系方式, then 网站标识码, ICP备案号 (linked to
 * the MIIT filing system, as MIIT requires), 公安机关备案号 (linked to the public-security filing
 * record), 党政机关网站标识 and 纠错.
 * @returns rows of items; an empty row is left out.
 */
export function footerRows(settings: ArchiveSettings): FooterItem[][] {
  const rows: FooterItem[][] = [
    [
      { label: "主办", text: settings.publisher },
      ...(settings.organizer ? [{ label: "承办", text: settings.organizer }] : []),
    ],
    settings.contact ? [{ label: "联系方式", text: settings.contact }] : [],
    [
      ...(settings.siteCode ? [{ label: "网站标识码", text: settings.siteCode }] : []),
      ...(settings.icpRecord ? [{ label: "", text: settings.icpRecord, href: "https://beian.miit.gov.cn/" }] : []),
      ...(settings.policeRecord
        ? [{ label: "", text: settings.policeRecord, href: `https://beian.mps.gov.cn/#/query/webSearch?code=${/\d+/.exec(settings.policeRecord)![0]}` }]
        : []),
    ],
    [
      ...(settings.partyGovLink ? [{ label: "", text: "党政机关网站标识", href: settings.partyGovLink }] : []),
      ...(settings.errorReport ? [{ label: "", text: "纠错", href: settings.errorReport }] : []),
    ],
  ];
  return rows.filter((r) => r.length > 0);
}

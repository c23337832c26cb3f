import type { ArchiveSettings } from "../content/schema.ts";
import type { DocumentView, SiteLinks } from "../model/site-model.ts";

/**
 * schema.org `Legislation` description of a document page, for its JSON-LD block
 * (https://schema.org/Legislation): `legislationIdentifier` = 发文字号 (a list for several,
 * left out when none), `legislationPassedBy` = 发文机关, `legislationDate` = 成文日期,
 * `isPartOf` = the gazette issue (a `PublicationIssue` of the gazette `Periodical`),
 * `legislationLegalForce` = 有效性 on the build's as-of date (https://schema.org/LegalForceStatus;
 * left out when 未标注), `citation` = the documents cited in the text (page URL when in the
 * archive, else the document number).
 */
export function legislationJsonLd(doc: DocumentView, settings: ArchiveSettings, links: SiteLinks): Record<string, unknown> {
  const ids = doc.docNumbers;
  return {
    "@context": "https://schema.org",
    "@type": "Legislation",
    name: doc.title,
    ...(ids.length === 1 ? { legislationIdentifier: ids[0] } : ids.length > 1 ? { legislationIdentifier: ids } : {}),
    legislationPassedBy: doc.issuers.map((name) => ({ "@type": "GovernmentOrganization", name })),
    ...(doc.date ? { legislationDate: doc.date } : {}),
    ...(doc.validity.legalForce ? { legislationLegalForce: doc.validity.legalForce } : {}),
    ...(doc.citations.length ? { citation: doc.citations.map((c) => (c.url ? links.best(c.url) : c.docNumber)) } : {}),
    inLanguage: settings.lang,
    url: links.best(doc.url),
    isAccessibleForFree: doc.textPublished,
    isPartOf: {
      "@type": "PublicationIssue",
      name: `${doc.issue.gazette}${doc.issue.label}`,
      issueNumber: String(doc.issue.number),
      url: links.best(doc.issue.url),
      isPartOf: { "@type": "Periodical", name: doc.issue.gazette, publisher: { "@type": "GovernmentOrganization", name: settings.publisher } },
    },
  };
}

/**
 * Serialises JSON-LD for a `<script type="application/ld+json">` block: `<`, `>` and `&` are
 * written as `\u003c` etc. so no text of the document can close the script element.
 */
export function jsonLdScriptText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

/** One `<meta name content>` pair. */
export interface MetaTag {
  name: string;
  content: string;
}

/**
 * Dublin Core meta tags of a document page (DCMI "Expressing Dublin Core metadata using HTML",
 * `DC.` prefix, with `<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">`):
 * title, creator (each issuer), date (when known), identifier (each document number and the page URL),
 * publisher, language, type, source (the gazette issue).
 */
export function dublinCoreMeta(doc: DocumentView, settings: ArchiveSettings, links: SiteLinks): MetaTag[] {
  return [
    { name: "DC.title", content: doc.title },
    ...doc.issuers.map((content) => ({ name: "DC.creator", content })),
    ...(doc.date ? [{ name: "DC.date", content: doc.date }] : []),
    ...doc.docNumbers.map((content) => ({ name: "DC.identifier", content })),
    { name: "DC.identifier", content: links.best(doc.url) },
    { name: "DC.publisher", content: settings.publisher },
    { name: "DC.language", content: settings.lang },
    { name: "DC.type", content: "Text" },
    { name: "DC.source", content: `${doc.issue.gazette}${doc.issue.label}` },
  ];
}

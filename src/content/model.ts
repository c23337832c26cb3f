import type { ArchiveSettings, IssueMetadata, Publication, Validity } from "./schema.ts";
import type { Finding } from "./finding.ts";

/** One gazette issue (期) with its documents, as loaded from `issues/<YYYY-NN>/`. */
export interface GazetteIssue extends IssueMetadata {
  /** Folder name, `YYYY-NN`, e.g. `2019-02`; also the issue's stable key. */
  key: string;
  /** Site URL, e.g. `/2019/2/`. */
  url: string;
  /** Reader-facing label, e.g. `2019年第2期`. */
  label: string;
  /** Path of `issue.yml`, relative to the repository root. */
  sourcePath: string;
  /** Repository-relative path of the issue's original PDF (`original.pdf` beside issue.yml), when kept. */
  originalPath?: string;
  /** Documents in table-of-contents order: section order, then printed page, then file name. */
  documents: GazetteDocument[];
}

/** One document (公文) of a gazette issue. */
export interface GazetteDocument {
  /** File name without `.md`: ASCII, kebab-case, unique within its issue; the last URL segment. */
  slug: string;
  /** Site URL, e.g. `/2019/2/rzf-2019-2/`. */
  url: string;
  /** Path of the Markdown file, relative to the repository root. */
  sourcePath: string;
  /** 标题 */
  title: string;
  /** 发文字号, canonical 〔〕 form; empty for items without one. */
  docNumbers: string[];
  /** 发文机关: one, or several for a joint document. */
  issuers: string[];
  /** 成文日期, `YYYY-MM-DD`; undefined when the source gives none. */
  date?: string;
  /** 公开方式 */
  publication: Publication;
  /** 栏目 */
  section: string;
  /** 有效性 written by the editor (manual override of the computed status). */
  validity?: Validity;
  /** 施行日期 `YYYY-MM-DD`, when given. */
  validFrom?: string;
  /** 有效期至 `YYYY-MM-DD` (inclusive), when given. */
  validUntil?: string;
  /** Canonical number of the repealing document, when given. */
  repealedBy?: string;
  /** Canonical numbers of amending documents, when given. */
  amendedBy?: string[];
  /** 1-based lines of the document-number and validity fields in the file, for findings. */
  fieldLines?: Partial<Record<"title" | "issuer" | "docNumber" | "validFrom" | "validUntil" | "repealedBy" | "amendedBy" | "validity" | "date", number>>;
  /** 原刊页码 */
  page?: number;
  /** 原件页: page of the issue's original PDF where the document starts, when known. */
  pdfPage?: number;
  /** 1-based line of the `page:` field in the file, when present. */
  pageLine?: number;
  /** Markdown body (the text after the front matter). */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** Key of the gazette issue, e.g. `2019-02`. */
  issueKey: string;
}

/** A whole archive: its settings and its gazette issues, newest first. */
export interface Archive {
  settings: ArchiveSettings;
  issues: GazetteIssue[];
}

/** True for documents that may appear on the site: `public` and `on-request` (metadata only). */
export function isListed(doc: Pick<GazetteDocument, "publication">): boolean {
  return doc.publication === "public" || doc.publication === "on-request";
}

/** True for documents whose full text is published: `public` only. */
export function isTextPublished(doc: Pick<GazetteDocument, "publication">): boolean {
  return doc.publication === "public";
}

/** One issue folder read and checked on its own: the issue (null when it could not be read) and its findings. */
export interface IssueLoad {
  issue: GazetteIssue | null;
  own: Finding[];
  /** Documents left out for an error, with the document numbers still read from them (for the rules across files). */
  numbered: NumberedFile[];
}

/** A document file that did not load (it has an error) but whose document numbers or issuers could be read. */
export interface NumberedFile {
  sourcePath: string;
  /** Canonical 〔〕 forms. */
  docNumbers: string[];
  /** 1-based line of `docNumber:`. */
  line: number;
  /** The issuers still read from it (for the list of known issuers), and the 1-based line of `issuer:`. */
  issuers?: { names: string[]; line: number };
}

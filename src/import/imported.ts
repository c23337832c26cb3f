import type { IssueMetadata } from "../content/schema.ts";
import type { BodyChanges } from "./format-body.ts";
import type { InferredFields } from "./infer-fields.ts";
import type { SplitDump } from "./split-dump.ts";

/** One imported document. */
export interface ImportedDocument {
  slug: string;
  fields: InferredFields;
  changes: BodyChanges;
  /** The whole Markdown file: front matter (with `# 待核` markers) and body. */
  text: string;
}

/** The result of importing a dump: files to write under `issues/<folder>/`, and a summary. */
export interface ImportResult {
  /** Folder name `YYYY-NN`. */
  folder: string;
  issue: IssueMetadata;
  /** Issue fields the importer is unsure of → reason. */
  issueUnsure: Partial<Record<keyof IssueMetadata, string>>;
  documents: ImportedDocument[];
  /** File name → content: `issue.yml`, `<slug>.md` for each document, `_editors-note.md`, `_review.md`. */
  files: Record<string, string>;
  /** File name → bytes: `original.pdf` for a PDF import. */
  binaryFiles?: Record<string, Uint8Array>;
  traditional: boolean;
  dropped: SplitDump["dropped"];
  /** Cover and 目录 lines, read into metadata (listed in the editor's note). */
  front: SplitDump["front"];
}

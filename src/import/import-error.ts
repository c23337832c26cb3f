import { EditorError, type Bilingual } from "../i18n/index.ts";

/**
 * Thrown when a dump, PDF or Word file cannot be imported as a whole: the message says what was
 * not understood, where (1-based line of the dump, or page) and what the editor can do, in
 * Chinese; a `{ zh, en }` pair also gives the English of `--lang en`. Nothing is written.
 */
export class ImportError extends EditorError {
  readonly skipOriginalStack = true;
  constructor(text: Bilingual | string) {
    super(typeof text === "string" ? { zh: text, en: text } : text);
    this.name = "ImportError";
  }
}

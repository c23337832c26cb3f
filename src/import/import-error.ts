import { EditorError, type Bilingual } from "../i18n/index.ts";

/**
 * Thrown when a dump cannot be imported as a whole: the message says what was not understood,
 * where (1-based line of the dump) and what the editor can do, in Chinese (`message`) and
 * English (`text.en`). Nothing is written.
 */
export class ImportError extends EditorError {
  readonly skipOriginalStack = true;
  constructor(text: Bilingual) {
    super(text);
    this.name = "ImportError";
  }
}

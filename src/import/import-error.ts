/**
 * Thrown when a dump cannot be imported as a whole: the message says what was not understood,
 * where (1-based line of the dump) and what the editor can do. Nothing is written.
 */
export class ImportError extends Error {
  readonly skipOriginalStack = true;
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

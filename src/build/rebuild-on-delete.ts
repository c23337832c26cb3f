import type Eleventy from "@11ty/eleventy";

/**
 * Under `npm start`, deleting a document (or any watched file: content, layouts, theme) rebuilds
 * the site at once, so a deleted document's page, listings and search entry leave the preview.
 * Eleventy 3.1's watcher only forgets a deleted file; it rebuilds on `change` and `add` events.
 * So each deletion is passed on to Eleventy as a change of that path (the plugin then reads the
 * content folder again and drops the pages of documents no longer there, see `droppedPages`).
 * Call after `eleventy.watch()`.
 */
export function rebuildOnDelete(eleventy: Eleventy): void {
  const watcher = (eleventy as unknown as { watcher?: { on(event: "unlink", fn: (file: string) => void): void; emit(event: "change", file: string): boolean } }).watcher;
  if (!watcher) throw new Error("rebuildOnDelete: Eleventy is not watching yet (call it after eleventy.watch())");
  watcher.on("unlink", (file) => watcher.emit("change", file));
}

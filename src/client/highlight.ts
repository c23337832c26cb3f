// Document pages: highlights the words of the search that led here (`?highlight=…`), with
// Pagefind's own pagefind-highlight.js (its inline style is off, for a strict CSP: the theme
// styles mark.pagefind-highlight).
const root = new URL("../", import.meta.url);
const params = new URLSearchParams(window.location.search);
if (params.has("highlight")) {
  const url = new URL("pagefind/pagefind-highlight.js", root).href;
  await import(/* webpackIgnore: true */ url);
  const Highlight = (window as unknown as { PagefindHighlight?: new (o: Record<string, unknown>) => unknown }).PagefindHighlight;
  if (Highlight) new Highlight({ highlightParam: "highlight", addStyles: false });
}

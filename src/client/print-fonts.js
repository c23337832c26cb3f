// Fonts for the browser's own print of a document page (Ctrl+P). On screen the site uses the
// reader's system fonts; on paper it uses the bundled TrueType web fonts (Noto Serif SC, Noto
// Sans SC; src/theme/_print.scss), which Chromium embeds as CID fonts. A system CJK font is often
// CFF-based (Debian's Noto CJK), and Chromium embeds those as Type 3, which print shops reject.
// Browsers do not load a web font while they print (whatwg/html#11637), so once the page is idle
// this script adds the print faces' @font-face rules (assets/print-web-fonts.css: no effect on
// screen, no family is used there) and loads the unicode-range subsets that cover this page's
// characters. When they are loaded, <html data-print-fonts="ready">. Skipped when the reader asked
// to save data; printing then falls back to the system fonts.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !document.fonts || !document.fonts.load) return;
  var href = new URL("print-web-fonts.css", script.src).href;
  var FACES = ['400 16px "Noto Serif SC"', '700 16px "Noto Serif SC"', '400 16px "Noto Sans SC"'];
  var root = document.documentElement;
  function load() {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.onload = function () {
      // Every character the page can print, also the parts shown only on paper; digits and dashes for
      // the page numbers of @page.
      var text = (document.body.textContent || "") + "— 0123456789";
      Promise.all(FACES.map(function (face) { return document.fonts.load(face, text); })).then(
        function () { root.setAttribute("data-print-fonts", "ready"); },
        function () { root.setAttribute("data-print-fonts", "failed"); },
      );
    };
    link.onerror = function () { root.setAttribute("data-print-fonts", "failed"); };
    document.head.appendChild(link);
  }
  var saveData = navigator.connection && navigator.connection.saveData;
  if (saveData) return;
  var start = function () {
    if (window.requestIdleCallback) window.requestIdleCallback(load, { timeout: 3000 });
    else window.setTimeout(load, 200);
  };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();

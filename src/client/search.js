// Search page: Pagefind's default UI in Chinese, with the query kept in the URL (?q=…) so a
// search can be shared and the back button works. Loaded only on /search/.
/* global PagefindUI */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var ui = new PagefindUI({
    element: "#search",
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    pageSize: 10,
    excerptLength: 40,
    translations: { placeholder: "输入标题、发文字号或关键词", zero_results: "没有找到与 [SEARCH_TERM] 相关的文件。请检查用字，或换用较短的词语。" },
  });
  var initial = params.get("q");
  if (initial) ui.triggerSearch(initial);
  var input = document.querySelector("#search input[type=text], #search input[type=search]");
  if (!input) return;
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set("q", input.value);
      else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
    }, 300);
  });
})();

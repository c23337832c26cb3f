// Text size option (适老化): a "大字号" button that enlarges all text by setting the class
// `text-large` on <html>, remembered in localStorage. Loaded in <head> so a remembered choice
// applies before the page is drawn; the button stays hidden without JavaScript, and the page is
// fully readable without it (the browser's own zoom still works).
(function () {
  "use strict";
  var KEY = "gazette-text-size";
  var root = document.documentElement;
  function stored() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (e) {
      return null; // storage blocked (private mode, policy): the option works for this page only
    }
  }
  function store(value) {
    try {
      window.localStorage.setItem(KEY, value);
    } catch (e) {
      // storage blocked: nothing to remember
    }
  }
  if (stored() === "large") root.classList.add("text-large");
  document.addEventListener("DOMContentLoaded", function () {
    var item = document.querySelector(".text-size");
    var button = item && item.querySelector("button");
    if (!item || !button) return;
    var sync = function () {
      button.setAttribute("aria-pressed", root.classList.contains("text-large") ? "true" : "false");
    };
    button.addEventListener("click", function () {
      var large = root.classList.toggle("text-large");
      store(large ? "large" : "normal");
      sync();
    });
    sync();
    item.hidden = false;
  });
})();

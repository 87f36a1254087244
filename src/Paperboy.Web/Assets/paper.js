// The paper page: math in the abstract rendered with KaTeX (bundled, served from /assets/katex, loaded
// only when the abstract holds a math delimiter), and the "Copy BibTeX" button. Without this script
// the abstract shows its TeX source and the BibTeX entry and file link still work.
(function () {
  "use strict";

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function renderMath() {
    var elements = Array.prototype.slice.call(document.querySelectorAll("[data-math]"));
    var withMath = elements.filter(function (element) { return /\$|\\\(|\\\[/.test(element.textContent); });
    if (withMath.length === 0) { return; }
    load("link", { rel: "stylesheet", href: "/assets/katex/katex.min.css" })
      .then(function () { return load("script", { src: "/assets/katex/katex.min.js" }); })
      .then(function () { return load("script", { src: "/assets/katex/auto-render.min.js" }); })
      .then(function () {
        withMath.forEach(function (element) {
          window.renderMathInElement(element, {
            delimiters: [
              { left: "$$", right: "$$", display: true },
              { left: "\\[", right: "\\]", display: true },
              { left: "$", right: "$", display: false },
              { left: "\\(", right: "\\)", display: false }
            ],
            throwOnError: false
          });
        });
      })
      .catch(function () { /* KaTeX failed to load: the TeX source stays readable */ });
  }

  function copyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy-target]"), function (button) {
      var source = document.getElementById(button.getAttribute("data-copy-target"));
      var status = document.getElementById("copy-status");
      if (!source || !navigator.clipboard) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.textContent).then(
          function () { if (status) { status.textContent = "Copied."; } },
          function () { if (status) { status.textContent = "Could not copy: select the entry and copy it."; } });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    renderMath();
    copyButtons();
  });
})();

// Results as you type. The search page is a plain GET form that works without this script; here, a
// pause in typing (or a changed filter) fetches the same page for the form's current values and swaps
// in its #search-results, so the results render once, on the server, escaped there.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  if (!form || !input || !window.fetch || !window.DOMParser) { return; }
  var delayMs = 250;
  var timer = 0;
  var inFlight = null;
  var lastUrl = location.pathname + location.search;

  function urlOfForm() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") { params.append(name, value); }
    });
    return form.getAttribute("action") + "?" + params.toString();
  }

  function refresh() {
    var url = urlOfForm();
    if (url === lastUrl) { return; }
    lastUrl = url;
    if (inFlight) { inFlight.abort(); }
    inFlight = new AbortController();
    fetch(url, { signal: inFlight.signal, headers: { "Accept": "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("search-results");
        var shown = document.getElementById("search-results");
        if (fresh && shown) {
          shown.replaceWith(document.importNode(fresh, true));
          history.replaceState(null, "", url);
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") { form.classList.add("offline"); }
      });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, delayMs);
  }

  input.addEventListener("input", later);
  form.addEventListener("change", later);
})();

// Optional enhancements; everything works without this file.
// 1. Bring a linked citation (#cite-N) to the middle of the screen (:target styling and native
//    anchor scrolling already do the job).
// 2. The filter form leaves its empty fields out of the URL, so a permalink reads
//    "/?country=PRK&type=visit" instead of "/?q=&from=&to=&country=PRK&…" (the server ignores
//    empty values either way).
(function () {
  function reveal() {
    if (!location.hash || location.hash.indexOf("#cite-") !== 0) return;
    var el = document.getElementById(location.hash.slice(1));
    if (el && el.scrollIntoView) el.scrollIntoView({ block: "center" });
  }
  function cleanSubmit(event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.filters")) return;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && (el.tagName === "INPUT" || el.tagName === "SELECT") && el.type !== "checkbox" &&
          el.type !== "radio" && el.value === "") {
        el.disabled = true;  // disabled fields are not submitted
        window.setTimeout(function () { el.disabled = false; }, 0);  // usable again after back navigation
      }
    });
  }
  window.addEventListener("hashchange", reveal);
  document.addEventListener("submit", cleanSubmit);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", reveal);
  else reveal();
})();

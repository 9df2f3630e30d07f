// Optional enhancement: bring a linked citation (#cite-N) to the middle of the screen.
// Everything works without this file — :target styling and native anchor scrolling do the job.
(function () {
  function reveal() {
    if (!location.hash || location.hash.indexOf("#cite-") !== 0) return;
    var el = document.getElementById(location.hash.slice(1));
    if (el && el.scrollIntoView) el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", reveal);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", reveal);
  else reveal();
})();

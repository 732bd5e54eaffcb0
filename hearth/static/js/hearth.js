// Small enhancements. Every form and link works without this file.
(function () {
  "use strict";

  // Quick exit: leave at once and replace this page in the history, so the
  // back button does not bring it back.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (!link) return;
    event.preventDefault();
    window.location.replace(link.href);
  });

  // Pressing Escape three times in a row also leaves.
  var escapes = 0, timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    escapes += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { escapes = 0; }, 1200);
    if (escapes >= 3) {
      var link = document.querySelector("[data-quick-exit]");
      if (link) window.location.replace(link.href);
    }
  });

  // Once a form is being sent for real, its autosave stops: a late draft
  // save must not race the final answers.
  document.addEventListener("submit", function (event) {
    event.target.dataset.submitting = "1";
  });
  document.addEventListener("htmx:confirm", function (event) {
    var form = event.target.closest && event.target.closest("form");
    if (form && form.dataset.submitting) event.preventDefault();
  });

  // Guess the timezone from the device, where a form asks for one and the
  // person has not chosen yet.
  document.addEventListener("DOMContentLoaded", function () {
    var select = document.querySelector("select[data-guess-timezone]");
    if (!select || select.dataset.chosen) return;
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone && select.querySelector('option[value="' + zone + '"]')) select.value = zone;
    } catch (e) { /* keep the server's default */ }
  });

  // Copy buttons for the invitation link and code.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button || !navigator.clipboard) return;
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
      var before = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = before; }, 1500);
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    if (navigator.clipboard) {
      document.querySelectorAll("[data-copy][hidden]").forEach(function (b) { b.hidden = false; });
    }
    if (navigator.share) {
      document.querySelectorAll("[data-share][hidden]").forEach(function (b) { b.hidden = false; });
    }
  });

  // The phone's own share sheet, where there is one.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-share]");
    if (!button || !navigator.share) return;
    navigator.share({ title: button.dataset.shareText, url: button.dataset.share }).catch(function () {});
  });
})();

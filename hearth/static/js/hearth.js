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
  // The tone coach: "Use this" puts the gentler words in place of the part
  // the coach talked about (only if that part is still there as it was);
  // "Keep mine" just closes the note.
  document.addEventListener("click", function (event) {
    var use = event.target.closest && event.target.closest("[data-coach-use]");
    var keep = event.target.closest && event.target.closest("[data-coach-keep]");
    if (!use && !keep) return;
    var box = (use || keep).closest("[data-coach-box]");
    var area = box && box.previousElementSibling;
    if (use && area && (area.tagName === "TEXTAREA" || area.tagName === "INPUT")) {
      var before = area.value, part = use.dataset.coachReplace;
      var at = before.indexOf(part);
      if (at < 0) return;
      area.value = before.slice(0, at) + use.dataset.coachUse + before.slice(at + part.length);
      area.focus();
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
    box.innerHTML = "";
  });
})();

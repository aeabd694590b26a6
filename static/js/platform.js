/* The platform's only script. No inline script anywhere (the Content-Security-Policy forbids
   it): behaviour is declared with data- attributes and wired here. */
(function () {
  "use strict";

  // A panel loaded after the page (data-panel) that fails shows a quiet note in its place;
  // it never replaces the page. Runs in the capture phase, before any other listener.
  document.addEventListener(
    "htmx:beforeOnLoad",
    function (event) {
      var element = event.detail.elt;
      var xhr = event.detail.xhr;
      if (!element || !element.hasAttribute("data-panel") || xhr.status < 400) return;
      event.stopPropagation();
      var note = document.createElement("p");
      note.className = "muted small panel-error";
      note.textContent = element.getAttribute("data-panel-error") || "";
      element.replaceChildren(note);
      element.removeAttribute("hx-get");
    },
    true
  );
  document.addEventListener(
    "htmx:sendError",
    function (event) {
      var element = event.detail.elt;
      if (!element || !element.hasAttribute("data-panel")) return;
      var note = document.createElement("p");
      note.className = "muted small panel-error";
      note.textContent = element.getAttribute("data-panel-error") || "";
      element.replaceChildren(note);
    },
    true
  );

  // Forms that change something irreversible ask first (data-confirm on the form or on
  // the button that submits it).
  // Capture phase: asked before htmx (boosted forms) sees the submission.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message =
      (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Select boxes that apply at once (the language menu).
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.hasAttribute && target.hasAttribute("data-autosubmit") && target.form) {
      target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
    }
  });

  // Filter drawers (data-drawer): open beside the results on wide screens, folded above them
  // on phones, so the results come first.
  var narrow = window.matchMedia("(max-width: 960px)");
  function fitDrawers() {
    document.querySelectorAll("details[data-drawer]").forEach(function (drawer) {
      if (narrow.matches) drawer.removeAttribute("open");
      else drawer.setAttribute("open", "");
    });
  }
  if (narrow.addEventListener) narrow.addEventListener("change", fitDrawers);

  // A form returned with errors: move focus to its summary, whose links lead to each field.
  function focusErrors() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
      return;
    }
    var invalid = document.querySelector(".has-error input, .has-error select, .has-error textarea");
    if (invalid) invalid.focus();
  }
  function ready() {
    fitDrawers();
    focusErrors();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();

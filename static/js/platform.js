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
  // Live updates of a signed-in page (body[data-live] names the websocket path): the unread
  // badge, new rows of the notification list, a short notice, and the issuer's application
  // counters. Text is only ever set with textContent. Without WebSocket nothing happens; the
  // page stays right on the next load, as notifications are stored before they are pushed.
  var toastTimer = null;
  function liveToast() {
    // Made once, empty, when the socket opens: a status region announces text added later.
    var toast = document.querySelector("[data-live-toast]");
    if (!toast) {
      toast = document.createElement("div");
      toast.className = "live-toast";
      toast.setAttribute("role", "status");
      toast.setAttribute("data-live-toast", "");
      document.body.appendChild(toast);
    }
    return toast;
  }
  function showToast(text) {
    var toast = liveToast();
    toast.textContent = text;
    if (toastTimer) window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(function () {
      toast.textContent = "";
    }, 6000);
  }
  function setUnread(count) {
    var bell = document.querySelector("[data-unread-bell]");
    if (!bell) return;
    var badge = bell.querySelector("[data-unread-badge]");
    if (!count) {
      if (badge) badge.remove();
      return;
    }
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "badge badge-national ml-2";
      badge.setAttribute("data-unread-badge", "");
      bell.appendChild(badge);
    }
    badge.textContent = String(count);
  }
  function prependNotification(item) {
    var list = document.querySelector("[data-notification-list]");
    var template = list && list.querySelector("template[data-notification-template]");
    if (!template || list.querySelector('[data-notification-id="' + item.id + '"]')) return;
    var row = template.content.firstElementChild.cloneNode(true);
    row.setAttribute("data-notification", "");
    row.setAttribute("data-notification-id", String(item.id));
    var action = row.getAttribute("action").replace(/\/0\/open\/$/, "/" + item.id + "/open/");
    row.setAttribute("action", action);
    row.querySelector("[data-notification-text]").textContent = item.text;
    row.querySelector("[data-notification-time]").textContent = item.time;
    var button = row.querySelector("button");
    button.textContent = button.getAttribute(item.url ? "data-label-open" : "data-label-read");
    var empty = list.querySelector(".empty");
    if (empty) empty.remove();
    template.after(row);
  }
  function setApplicationCount(callId, count) {
    document.querySelectorAll("[data-live-applications]").forEach(function (counter) {
      if (counter.getAttribute("data-live-applications") === String(callId)) {
        counter.textContent = String(count);
      }
    });
  }
  function receive(event) {
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (error) {
      return;
    }
    if (message.type === "notifications") {
      setUnread(message.unread);
      (message.items || []).forEach(prependNotification);
      var items = message.items || [];
      if (items.length) showToast(items[items.length - 1].text);
    } else if (message.type === "counts") {
      setApplicationCount(message.call, message.applications);
    }
  }
  function connectLive() {
    var path = document.body && document.body.getAttribute("data-live");
    if (!path || !("WebSocket" in window)) return;
    var delay = 1000;
    function open() {
      var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
      var socket;
      try {
        socket = new WebSocket(scheme + window.location.host + path);
      } catch (error) {
        return;
      }
      socket.addEventListener("open", function () {
        delay = 1000;
        liveToast();
      });
      socket.addEventListener("message", receive);
      socket.addEventListener("close", function () {
        // Back off (up to a minute, with jitter) so a restarting server is not stampeded.
        window.setTimeout(open, delay + Math.random() * 1000);
        delay = Math.min(delay * 2, 60000);
      });
    }
    open();
  }

  function ready() {
    fitDrawers();
    focusErrors();
    connectLive();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();

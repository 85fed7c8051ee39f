// The installable app (Features/App): registers the service worker (/sw.js). On a copy of a page that the service
// worker showed without a network (it marks the body data-offline="copy"), says so at the top of the content and
// disables what would change something, each with a note saying why; the texts come from the layout, in the page's
// language. Everything here is an addition: without it the site works as a website.
(function () {
  "use strict";
  const body = document.body;
  let worker = null;

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => { /* a website still */ });
    navigator.serviceWorker.ready.then((registration) => { worker = registration.active; });
    // Signing out: the service worker forgets every page it kept. It sees the form go by itself too; this message
    // also reaches it from a page it does not control (the first page after it was installed, say).
    document.querySelectorAll('form[action="/account/logout"]').forEach((form) => form.addEventListener("submit", () => {
      const to = navigator.serviceWorker.controller || worker;
      if (to) to.postMessage({ type: "signed-out" });
    }));
  }

  const offline = body.dataset.offline;
  if (!offline) return;

  if (offline === "copy") {
    // A status region at the top of the content, filled a moment after it is there, so screen readers say it.
    const banner = document.createElement("p");
    banner.className = "offline-banner";
    banner.setAttribute("role", "status");
    document.getElementById("main").prepend(banner);
    window.setTimeout(() => { banner.textContent = body.dataset.offlineBanner; }, 50);
  }

  // Every form that would send something: its controls disabled and described by a note beside them. In the header
  // (signing out, the language) one note serves all its forms. Forms that only read (a search) stay: without a
  // network the service worker answers them with the offline page.
  let count = 0;
  const notes = new Map();
  function noteFor(form) {
    const header = form.closest("header");
    if (header && notes.has(header)) return notes.get(header);
    const note = document.createElement("p");
    note.id = `offline-note-${++count}`;
    note.className = "offline-note";
    note.textContent = body.dataset.offlineNote;
    if (header) {
      (header.querySelector(".header-row") || header).append(note);
      notes.set(header, note);
    } else {
      form.append(note);
    }
    return note;
  }
  document.querySelectorAll("form").forEach((form) => {
    if ((form.getAttribute("method") || "get").toLowerCase() !== "post") return;
    const note = noteFor(form);
    // form.elements: also the buttons elsewhere that name this form (form="...").
    [...form.elements].forEach((control) => {
      if (control.type === "hidden" || !("disabled" in control)) return;
      control.disabled = true;
      const described = control.getAttribute("aria-describedby");
      control.setAttribute("aria-describedby", described ? `${described} ${note.id}` : note.id);
    });
    form.addEventListener("submit", (event) => event.preventDefault());
  });
})();

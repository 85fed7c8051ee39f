// "Print" buttons ([data-print]): hidden in the page until this runs, so that without JavaScript there is no button
// that does nothing; the browser's own print or save-as-PDF does the rest.
(function () {
  "use strict";
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
})();

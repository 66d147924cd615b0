// Added by `lotse serve` to the pages it serves, never to the built site: reloads the page
// after a rebuild and shows the problems of the content while it has any.
(function () {
  "use strict";
  var seen = null;
  var overlay = null;

  function show(problems) {
    if (!problems) {
      if (overlay) { overlay.remove(); overlay = null; }
      return;
    }
    if (!overlay) {
      overlay = document.createElement("section");
      overlay.id = "lotse-probleme";
      overlay.setAttribute("role", "alert");
      overlay.setAttribute("aria-labelledby", "lotse-probleme-titel");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:#fff;color:#1a1a1a;padding:1.5rem;font:1rem/1.5 system-ui,sans-serif;" +
        "border-top:0.5rem solid #b00020";
      var title = document.createElement("h2");
      title.id = "lotse-probleme-titel";
      title.textContent = "Der Inhalt hat Fehler. Angezeigt wird der letzte fehlerfreie Stand.";
      var hint = document.createElement("p");
      hint.textContent = "Beheben Sie die Fehler in den genannten Dateien und speichern Sie: " +
        "die Seite lädt dann von selbst neu.";
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Hinweis schließen";
      close.addEventListener("click", function () { overlay.hidden = true; });
      var text = document.createElement("pre");
      text.style.cssText = "white-space:pre-wrap;font:0.9rem/1.4 ui-monospace,monospace;" +
        "background:#f6f6f6;padding:1rem;border:1px solid #ccc";
      overlay.append(title, hint, close, text);
      document.body.append(overlay);
    }
    overlay.hidden = false;
    overlay.querySelector("pre").textContent = problems;
  }

  function wait() {
    var query = seen === null ? "" : "?after=" + seen;
    fetch("/__lotse/status" + query, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (seen !== null && state.build !== seen && !state.problems) {
          location.reload();
          return;
        }
        seen = state.build;
        show(state.problems);
        wait();
      })
      .catch(function () { setTimeout(wait, 1000); });
  }

  wait();
})();

/*
 * The controls' drawer on a phone (below 760 px, assets/style.css): the button "Vælg tal og år" opens and closes the
 * controls panel. The button and the panel are plain HTML (ui/layout.py, ui/controls.py); CSS hides the panel while
 * the button says aria-expanded="false", so this file only keeps that attribute in step and moves focus:
 *   - opening moves focus into the drawer: onto the panel itself, named by the button, so the next Tab reaches its
 *     first control (focusing that control at once would hand it the rest of the Enter that opened the drawer, and
 *     a dropdown would open);
 *   - Escape inside the open drawer closes it and gives focus back to the button.
 * On a wide screen the button is hidden and the panel always shown, whatever the attribute says.
 */
(function () {
  "use strict";

  var contract = function () { return window.DistriktskortContract(); };  // assets/contract.js

  function panelOf(toggle) {
    return document.getElementById(toggle.getAttribute("aria-controls"));
  }

  function setOpen(toggle, open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest("#" + contract().ids.CONTROLS_TOGGLE);
    if (!toggle) return;
    var open = toggle.getAttribute("aria-expanded") !== "true";
    setOpen(toggle, open);
    if (!open) return;
    var panel = panelOf(toggle);
    if (!panel) return;
    panel.setAttribute("tabindex", "-1");  // focusable by script, not a Tab stop of its own
    panel.focus();
  });

  // Escape closes the drawer only from inside it, and only on a phone (where the button shows); an open dropdown
  // lists its options outside the panel, so its own Escape still just closes the list.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var toggle = document.getElementById(contract().ids.CONTROLS_TOGGLE);
    if (!toggle || toggle.getAttribute("aria-expanded") !== "true" || !toggle.getClientRects().length) return;
    var panel = panelOf(toggle);
    if (!panel || !panel.contains(event.target)) return;
    setOpen(toggle, false);
    toggle.focus();
  });
})();

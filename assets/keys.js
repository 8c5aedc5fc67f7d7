/* Escape closes what is open, the nearest first:
 *   1. the <details> the focus is in (alt text, embed code, the district table), focus back on its summary;
 *   2. an open district profile, as its close button does (assets/focus.js then gives focus back to where the
 *      profile was opened from: the map with that district, the table row, the picker);
 *   3. any other open <details> on the page, focus on the summary of the last.
 * An open dropdown's list and the phone's drawer (assets/drawer.js) close themselves first.
 */
(function () {
  "use strict";

  var contract = function () { return window.DistriktskortContract(); };  // assets/contract.js

  function closeDetails(details) {
    details.open = false;
    var summary = details.querySelector("summary");
    if (summary) summary.focus();
  }

  // Escape belongs to something else: an open dropdown list, or the phone's open drawer around the focus.
  function ownedElsewhere(target) {
    if (document.querySelector("button.dash-dropdown[aria-expanded='true']")) return true;
    var toggle = document.getElementById(contract().ids.CONTROLS_TOGGLE);
    var drawer = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    return Boolean(drawer && toggle.getAttribute("aria-expanded") === "true" && toggle.getClientRects().length &&
                   drawer.contains(target));
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented || ownedElsewhere(event.target)) return;
    var around = event.target.closest && event.target.closest("details[open]");
    var ids = contract().ids;
    var profile = document.getElementById(ids.PROFILE);
    var close = document.getElementById(ids.PROFILE_CLOSE);
    var others = document.querySelectorAll("details[open]");
    if (around) {
      closeDetails(around);
    } else if (profile && !profile.hidden && close) {
      close.click();
    } else if (others.length && !(event.target.closest && event.target.closest(".maplibregl-canvas"))) {
      others.forEach(function (details) { details.open = false; });
      var summary = others[others.length - 1].querySelector("summary");
      if (summary) summary.focus();
    } else {
      return;  // nothing to close: the map's canvas lets go of its district (assets/district_map.js)
    }
    event.preventDefault();  // handled: the map's canvas, which sees the key next, leaves its district alone
  }, true);  // capture: the map canvas handles keys itself and must not swallow Escape
  // On a phone the profile opens as a sheet fixed over the map (assets/style.css), so nothing needs scrolling to.
})();

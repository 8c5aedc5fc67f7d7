/* Escape closes an open district profile, as the close button does, and gives focus back to the map's controls. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var profile = document.getElementById("profile");
    var close = document.getElementById("profile-close");
    if (profile && !profile.hidden && close) {
      close.click();
      var picker = document.getElementById("controls-district");
      if (picker) picker.focus();
    }
  }, true);  // capture: the map canvas handles keys itself and must not swallow Escape

  // On a phone the profile opens below the map: bring it into view when it opens.
  function watchProfile() {
    var profile = document.getElementById("profile");
    if (!profile) return setTimeout(watchProfile, 300);
    new MutationObserver(function () {
      if (!profile.hidden && window.innerWidth < 760) profile.scrollIntoView({ behavior: "smooth", block: "start" });
    }).observe(profile, { attributes: true, attributeFilter: ["hidden"] });
  }
  watchProfile();
})();

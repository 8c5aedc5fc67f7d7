/*
 * Where focus goes when a district profile opens and closes.
 *
 * Opening a profile, from anywhere (a click or Enter on the map, a table row, a "most alike" button, the picker),
 * moves focus to its heading, and the live region says one sentence ("Profilen for Fjordby er åbnet."), not the
 * profile's thousands of characters. Closing it (its close button, or Escape: assets/keys.js) gives focus back to
 * where it was opened from: the map's canvas, which still knows its district (assets/district_map.js), the table's
 * row button, the picker; or to the map when that is gone. A peer button inside the profile opens another profile
 * but keeps where the first came from.
 *
 * A profile opened by the address (a shared link) takes no focus: the page starts at the top, as any page does.
 */
(function () {
  "use strict";

  var opened = { names: "", from: null };
  var lastOutside = null;  // where the reader last clicked or pressed a key outside the profile
  var acted = false;  // whether the reader has clicked or pressed a key at all (a shared link opens with none)
  var contract = function () { return window.DistriktskortContract(); };  // assets/contract.js

  // The district pickers, first and second.
  function pickers() {
    var ids = contract().ids;
    return [ids.CONTROLS_DISTRICT, ids.CONTROLS_COMPARE];
  }

  // The element to come back to for an event's target: a table row by its district (the table is redrawn), a
  // dropdown's list by its picker, anything else as it is.
  function originOf(target) {
    var row = target.closest(".row-button[data-district]");
    if (row) return { district: row.getAttribute("data-district") };
    var picker = pickers().filter(function (id) {
      var element = document.getElementById(id);
      return element && element.parentElement && element.parentElement.contains(target);
    })[0];
    if (picker || target.closest(".dash-dropdown-content, [role=listbox], [role=option]")) {
      return { picker: picker || pickers()[0] };
    }
    return { element: target.closest("button, a, input, textarea, summary, canvas, [tabindex]") || target };
  }

  function remember(event) {
    var profile = document.getElementById(contract().ids.PROFILE);
    var target = event.type === "keydown" ? document.activeElement : event.target;
    if (!target || !target.closest || target === document.body) return;
    acted = true;
    if (profile && profile.contains(target)) return;
    lastOutside = originOf(target);
  }
  document.addEventListener("click", remember, true);
  document.addEventListener("keydown", remember, true);

  function visible(element) {
    return element && element.isConnected && element.getClientRects().length > 0;
  }

  function mapCanvas() {
    return document.querySelector("#" + contract().ids.MAP_GRAPH + " canvas.maplibregl-canvas");
  }

  // The element an origin now stands for, or the map when it is gone.
  function backTo(origin) {
    var element = null;
    if (origin && origin.district) {
      element = document.querySelector('.row-button[data-district="' + CSS.escape(origin.district) + '"]');
    } else if (origin && origin.picker) {
      var wrapper = document.getElementById(origin.picker);
      element = wrapper && (wrapper.matches("button") ? wrapper : wrapper.querySelector("button.dash-dropdown"));
    } else if (origin) {
      element = origin.element;
    }
    return visible(element) ? element : mapCanvas();
  }

  function headings(profile) {
    return Array.prototype.slice.call(profile.querySelectorAll(".profile-heading"));
  }

  function announceOpened(names) {
    var page = window.DistriktskortPage, words = page && page.words();
    if (!words) return;
    var text = names.length > 1
      ? words.announce_compare.replace("{district}", names[0]).replace("{other}", names[1])
      : words.announce_profile.replace("{district}", names[0]);
    page.announce(text);
  }

  function opening(profile, list) {
    var names = list.map(function (heading) { return heading.textContent; });
    var key = names.join("\n");
    if (key === opened.names) return;  // the same districts, redrawn for another year or language
    opened.names = key;
    if (!acted) return;  // opened by the address, before the reader did anything
    // A peer chosen in a profile the address opened has no origin outside it: closing then goes to the map.
    opened.from = lastOutside;
    list[0].focus();
    announceOpened(names);
  }

  function closing(profile) {
    if (!opened.names) return;
    opened.names = "";
    var from = opened.from;
    opened.from = null;
    var active = document.activeElement;
    // Only when the focus went with the profile: a reader who has moved on elsewhere is left there.
    if (!active || active === document.body || profile.contains(active)) {
      var target = backTo(from);
      if (target) target.focus();
    }
  }

  function watch() {
    var profile = document.getElementById(contract().ids.PROFILE);
    if (!profile) return setTimeout(watch, 300);
    new MutationObserver(function () {
      window.DistriktskortSheet.update();  // first: focus cannot go into a page the phone's sheet has made inert
      var list = headings(profile);
      if (profile.hidden || !list.length) closing(profile);
      else opening(profile, list);
    }).observe(profile, { attributes: true, attributeFilter: ["hidden"], childList: true, subtree: true });
  }
  watch();
})();

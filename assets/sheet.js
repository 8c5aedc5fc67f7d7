/*
 * On a phone (below 760 px, as assets/style.css decides) a district profile opens as a sheet over the map. While it is open the
 * sheet is modal, as a dialog is:
 *   - it is a dialog named by its heading (role="dialog", aria-modal="true");
 *   - everything else on the page is inert, so neither Tab nor a screen reader's cursor reaches the page behind it,
 *     except the live regions, which must still be heard ("Profilen for Fjordby er åbnet.");
 *   - the page behind is dimmed, and a tap on it closes the sheet, as the × and Escape do (assets/keys.js).
 * On a wide screen the profile is a panel beside the map and nothing is made inert. assets/focus.js calls update()
 * before it moves focus, so that focus never goes to an element that is still inert.
 */
(function () {
  "use strict";

  var contract = function () { return window.DistriktskortContract(); };  // assets/contract.js
  var LIVE = "[aria-live], [role=status], [role=alert]";
  var made = [];  // the elements this file made inert, to give back exactly those
  var HEADING_ID = "profile-sheet-heading";  // + "-0", "-1": ids given to the headings that name the sheet

  function profileOf() {
    return document.getElementById(contract().ids.PROFILE);
  }

  // A profile shown as the phone's sheet: open, drawn (/embed hides the side panels, profile too), and fixed over
  // the map, which is what assets/style.css makes it below 760 px: the stylesheet alone holds the breakpoint.
  function isSheet(profile) {
    return Boolean(profile && !profile.hidden && profile.querySelector(".profile-heading") &&
                   profile.getClientRects().length && getComputedStyle(profile).position === "fixed");
  }

  // Everything that must stay reachable: the sheet, and the live regions, with the elements around them.
  function keptAround(keep) {
    var around = new Set();
    keep.forEach(function (element) {
      for (var node = element; node && node !== document.body; node = node.parentElement) around.add(node);
    });
    return around;
  }

  // Makes inert every element outside what is kept: the siblings of the kept elements and of their ancestors.
  function inertOutside(keep) {
    var around = keptAround(keep);
    (function walk(parent) {
      Array.prototype.forEach.call(parent.children, function (child) {
        if (keep.indexOf(child) >= 0 || child.tagName === "SCRIPT") return;
        if (around.has(child)) return walk(child);
        if (child.inert) return;
        child.inert = true;
        made.push(child);
      });
    })(document.body);
  }

  function release(profile) {
    made.forEach(function (element) { element.inert = false; });
    made = [];
    document.body.classList.remove("sheet-open");
    if (profile && profile.getAttribute("role") === "dialog") {
      ["role", "aria-modal", "aria-labelledby"].forEach(function (name) { profile.removeAttribute(name); });
    }
  }

  function hold(profile) {
    // Named by its headings: one district, or both of a comparison ("Fjordby Fjordby Nord").
    var headings = Array.prototype.map.call(profile.querySelectorAll(".profile-heading"), function (heading, index) {
      if (!heading.id) heading.id = HEADING_ID + "-" + index;
      return heading.id;
    });
    profile.setAttribute("role", "dialog");
    profile.setAttribute("aria-modal", "true");
    profile.setAttribute("aria-labelledby", headings.join(" "));
    document.body.classList.add("sheet-open");
    var keep = [profile].concat(Array.prototype.slice.call(document.querySelectorAll(LIVE)).filter(function (live) {
      return !profile.contains(live);
    }));
    inertOutside(keep);  // again on each redraw: React may have added elements since
  }

  // Brings the page in step with the profile: modal while it is a sheet, released otherwise.
  function update() {
    var profile = profileOf();
    if (isSheet(profile)) hold(profile);
    else release(profile);
  }

  // A tap on the dimmed page behind the sheet closes it. The page is inert, so the tap lands on <body> or <html>.
  document.addEventListener("click", function (event) {
    var profile = profileOf();
    if (!isSheet(profile) || profile.contains(event.target)) return;
    event.preventDefault();
    var close = document.getElementById(contract().ids.PROFILE_CLOSE);
    if (close) close.click();
  }, true);

  window.addEventListener("resize", update);  // turned to landscape, or a window made wider: a panel again
  window.DistriktskortSheet = { update: update };
})();

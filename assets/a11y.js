/* Names and roles that Dash 4.4.1's components render without, and give us no props to set.
 *
 * Each control's wrapper says which visible label names it (data-labelledby, set in ui/controls.py and
 * ui/panels.py); this file carries that name onto the element the component actually renders, and mends the
 * markup axe-core (WCAG 2.1 A/AA) fails:
 *   - RadioItems render a listbox of label[role=option] around real radio inputs: an unnamed listbox with
 *     interactive content nested in its options. The native radios already behave as a radio group, so the
 *     group becomes a named radiogroup and the labels plain labels.
 *   - Dropdowns put a tabbable input marked aria-hidden before their button, only to pass focus on to it. The
 *     button itself takes the Tab stop instead, named by the label and then by its value.
 *   - The slider thumb and the read-only textareas get the visible label's id as their name.
 * React sets these attributes again when a component re-renders, so a MutationObserver mends them each time.
 *
 * The skip link moves focus to the map's canvas: following the link to the map's box alone would only scroll,
 * since the box cannot take focus.
 */
(function () {
  "use strict";

  var contract = function () { return window.DistriktskortContract(); };  // assets/contract.js

  function set(element, name, value) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }

  function unset(element, name) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  }

  function mendRadioGroup(group, labelId) {
    set(group, "role", "radiogroup");
    set(group, "aria-labelledby", labelId);
    group.querySelectorAll("label").forEach(function (option) {
      unset(option, "role");
      unset(option, "aria-selected");
    });
  }

  function mendDropdown(wrapper, labelId) {
    var button = wrapper.querySelector("button.dash-dropdown");
    if (!button) return;
    set(button, "aria-labelledby", labelId + " " + button.id + "-value");
    set(button, "tabindex", "0");
    var focusTarget = wrapper.querySelector(".dash-dropdown-focus-target");
    if (focusTarget) set(focusTarget, "tabindex", "-1");
  }

  function mend() {
    document.querySelectorAll("[data-labelledby]").forEach(function (wrapper) {
      var labelId = wrapper.getAttribute("data-labelledby");
      wrapper.querySelectorAll(".dash-radioitems").forEach(function (group) { mendRadioGroup(group, labelId); });
      wrapper.querySelectorAll(".dash-dropdown-wrapper").forEach(function (dropdown) {
        mendDropdown(dropdown, labelId);
      });
      wrapper.querySelectorAll("[role=slider], textarea").forEach(function (control) {
        set(control, "aria-labelledby", labelId);
      });
    });
  }

  new MutationObserver(mend).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["role", "aria-selected", "aria-labelledby", "tabindex"],
  });
  mend();

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".skip-link");
    if (!link) return;
    var canvas = document.querySelector("#" + contract().ids.MAP_GRAPH + " canvas");
    if (!canvas) return;  // the map is not drawn yet: the link's own jump to the map still helps
    event.preventDefault();
    canvas.focus();
  });
})();

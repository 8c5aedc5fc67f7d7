/*
 * The profile's make-up bars (every family's categories, in the district and in the whole municipality) and the
 * dots of its rank strip, built from the figures the server wrote into the page (ui/profile.py: the data-bars
 * attribute of .compositions, the data-strip attribute of .strip; each figure already written as the language
 * writes it). As Dash components they were 400 to 600 of a profile's components, and Dash took seconds to render
 * them (issue 15); as plain elements they take a few milliseconds.
 *
 * Each family becomes <section class="composition"><h4>…</h4><ul class="bars"><li>…</li></ul></section>, with the
 * classes assets/style.css lays out.
 */
(function () {
  "use strict";

  function element(name, className, parent, text) {
    var made = document.createElement(name);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    if (parent) parent.appendChild(made);
    return made;
  }

  function bar(parent, trackClass, barClass, width) {
    var track = element("span", trackClass, parent);
    element("span", barClass, track).style.width = width + "%";
  }

  function build(box) {
    var text = box.getAttribute("data-bars");
    if (!text || box.builtFrom === text) return;
    var sections = JSON.parse(text).map(function (family) {
      var section = element("section", "composition");
      element("h4", "", section, family.name);
      var list = element("ul", "bars", section);
      family.rows.forEach(function (row) {  // [name, own width, own figure, area width, area figure]
        var item = element("li", "", list);
        element("span", "bar-label", item, row[0]);
        bar(item, "bar-track", "bar bar-self", row[1]);
        element("span", "bar-value", item, row[2]);
        bar(item, "bar-track bar-track-area", "bar bar-area", row[3]);
        element("span", "bar-value bar-value-area", item, row[4]);
      });
      return section;
    });
    box.replaceChildren.apply(box, sections);
    box.builtFrom = text;
  }

  // The rank strip's dots: [left in %, title or null, whether it is the chosen district's].
  function buildStrip(strip) {
    var text = strip.getAttribute("data-strip");
    if (!text || strip.builtFrom === text) return;
    var dots = JSON.parse(text).map(function (dot) {
      var made = element("span", dot[2] ? "strip-dot strip-dot-self" : "strip-dot");
      made.style.left = dot[0] + "%";
      if (dot[1] !== null) made.title = dot[1];
      return made;
    });
    strip.replaceChildren.apply(strip, dots);
    strip.builtFrom = text;
  }

  function buildAll() {
    document.querySelectorAll(".compositions[data-bars]").forEach(build);
    document.querySelectorAll(".strip[data-strip]").forEach(buildStrip);
  }

  // Profiles come and go as Dash renders them: build each as soon as it is in the page, before it is painted.
  new MutationObserver(buildAll).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-bars", "data-strip"]
  });
})();

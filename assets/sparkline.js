/*
 * The profile's trend chart as a small SVG, drawn from the figures the server wrote into the page (ui/trend.py:
 * the data-trend attribute of .trend-drawing). The server has already written every figure, tick and label as
 * the language writes it, and placed the direct labels; this only scales them to the box. So no chart library
 * loads for a profile (issue 15: Plotly was 1.27 MB for this one chart).
 *
 * Drawn when a box appears or its figures change (React re-renders the profile on every year step), and again
 * when its width changes. Each drawing sets performance.mark("profile-drawn"), so any tool can time it.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var TOP = 8, BOTTOM = 28, LABEL_SHIFT = 6, LINE_PX = 14, FONT_PX = 12;
  var DASHES = { solid: null, dash: "7 4", dot: "2 3" };
  var MUTED = "#51626b", GRID = "#e3e8eb";  // the page's --muted; a grid lighter than its --line

  function node(name, attributes, parent, text) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) {
      if (attributes[key] !== null && attributes[key] !== undefined) element.setAttribute(key, attributes[key]);
    });
    if (text !== undefined) element.textContent = text;
    if (parent) parent.appendChild(element);
    return element;
  }

  // A point's marker, with what a hover shows: "Fjordby, 2014: 12,3 %".
  function marker(line, x, y, tip, parent) {
    var half = line.size / 2, look = { fill: line.colour, class: "trend-point" };
    var shape = line.marker === "square"
      ? node("rect", Object.assign({ x: x - half, y: y - half, width: line.size, height: line.size }, look), parent)
      : node("circle", Object.assign({ cx: x, cy: y, r: half }, look), parent);
    node("title", {}, shape, tip);
  }

  function draw(box) {
    var text = box.getAttribute("data-trend"), width = box.clientWidth;
    if (!text || !width || (box.drawnFrom === text && box.drawnWidth === width)) return;
    var chart = JSON.parse(text), years = chart.years, height = chart.height;
    var left = chart.left, right = width - chart.right, bottom = height - BOTTOM;
    var first = years[0] - 0.3, last = years[years.length - 1] + 0.3;
    var low = chart.range[0], high = chart.range[1];
    var x = function (year) { return left + (year - first) / (last - first) * (right - left); };
    var y = function (value) { return bottom - (value - low) / (high - low) * (bottom - TOP); };
    var svg = node("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
                            class: "trend-svg", "font-size": FONT_PX, focusable: "false" });
    chart.ticks.forEach(function (tick) {
      node("line", { x1: left, x2: right, y1: y(tick[0]), y2: y(tick[0]), stroke: GRID }, svg);
      node("text", { x: left - 6, y: y(tick[0]), "text-anchor": "end", "dominant-baseline": "middle", fill: MUTED,
                     class: "trend-tick" }, svg, tick[1]);
    });
    node("line", { x1: left, x2: right, y1: bottom, y2: bottom, stroke: MUTED, class: "trend-axis" }, svg);
    chart.year_ticks.forEach(function (year) {
      node("text", { x: x(year), y: bottom + 18, "text-anchor": "middle", fill: MUTED, class: "trend-year" }, svg,
           String(year));
    });
    chart.lines.forEach(function (line) {
      // A year without a figure breaks the line ("M" starts it again): a gap, never a guess across it.
      var path = "", pen = "M";
      line.values.forEach(function (value, index) {
        if (value === null) { pen = "M"; return; }
        path += pen + x(years[index]).toFixed(1) + " " + y(value).toFixed(1);
        pen = "L";
      });
      var group = node("g", { class: "trend-line", "data-name": line.name, "data-colour": line.colour,
                              "data-dash": line.dash }, svg);
      node("path", { d: path, fill: "none", stroke: line.colour, "stroke-width": line.width,
                     "stroke-dasharray": DASHES[line.dash], "stroke-linejoin": "round" }, group);
      line.values.forEach(function (value, index) {
        var year = years[index];
        if (value !== null) marker(line, x(year), y(value), line.name + ", " + year + ": " + line.texts[index], group);
        else {  // the gap's place on the axis, with its reason
          var mark = node("circle", { cx: x(year), cy: bottom, r: 3, fill: "#fff", stroke: line.colour,
                                      class: "trend-gap" }, group);
          node("title", {}, mark, line.name + ", " + year + ": " + line.reasons[index]);
        }
      });
      if (line.label.at === null) return;
      var label = node("text", { x: x(years[line.label.at]) + LABEL_SHIFT, fill: line.colour, class: "trend-label",
                                 "data-name": line.name }, svg);
      var middle = y(Math.min(high, Math.max(low, line.label.y)));
      line.label.lines.forEach(function (words, index) {
        var offset = (index - (line.label.lines.length - 1) / 2) * LINE_PX;
        node("tspan", { x: label.getAttribute("x"), y: middle + offset, "dominant-baseline": "middle" }, label,
             words);
      });
    });
    box.replaceChildren(svg);
    box.drawnFrom = text;
    box.drawnWidth = width;
    performance.mark("profile-drawn");
  }

  function drawAll() {
    document.querySelectorAll(".trend-drawing[data-trend]").forEach(draw);
  }

  // Profiles come and go as Dash renders them: draw each as soon as it is in the page, before it is painted.
  new MutationObserver(drawAll).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-trend", "hidden", "class"]
  });
  var resizing = null;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(drawAll);
  });
  window.DistriktskortSparkline = { draw: draw, drawAll: drawAll };
})();

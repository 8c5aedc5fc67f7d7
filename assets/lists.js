/*
 * The ranking beside the map and the table under it, drawn in the browser for one year of the map view. Used by
 * assets/map.js through window.DistriktskortLists: rankingRows and tableRows describe the rows, and draw() patches
 * them into the page's list and table body in place.
 *
 * Not as Dash components: Dash dispatches one store action for every component it renders anew, and each action
 * runs every component's selector, so a redraw of 100 table rows cost 100 × (every component on the page): most of
 * the 1.6 s that opening a profile took with the table open at 2,000 districts (issue 15). Patched in place, a row
 * keeps its element, so a focused row button keeps the focus when the rows are redrawn, as React kept it.
 */
(function () {
  "use strict";

  var RANKING_ALL = 40;  // up to this many districts the ranking shows all; above, the top and bottom ten
  var RANKING_ENDS = 10;
  var TABLE_ROWS = 100;  // the table shows this many rows at most (plus the chosen ones); the CSV has every row
  var contract = function () { return window.DistriktskortContract(); };  // assets/contract.js

  function valueLabel(view, figures, index, district) {
    return window.DistriktskortFigures.valueLabel(view, figures, index, district);
  }

  function compareRows(a, b) {
    if (a.value === null && b.value === null) return a.name.localeCompare(b.name, "da");
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    return b.value - a.value || a.name.localeCompare(b.name, "da");
  }

  // The ranking beside the map, highest first, in map colours; hidden values at the end. With many districts,
  // the ten highest and ten lowest, the chosen ones, and a row saying how many are left out. Each bar spans from
  // zero to its value on one scale, so falls point left of the zero line and rises right.
  function rankingRows(setup, view, figures, index, selected) {
    var rows = setup.names.map(function (name, district) {
      return { name: name, id: setup.ids[district], value: figures.values[index][district],
               label: valueLabel(view, figures, index, district),
               colour: view.colours[figures.codes[index][district]] };
    });
    rows.sort(compareRows);
    var gap = null;
    if (rows.length > RANKING_ALL) {
      var ranked = rows.filter(function (row) { return row.value !== null; });
      var cut = Math.max(RANKING_ENDS, ranked.length - RANKING_ENDS);
      var middle = ranked.slice(RANKING_ENDS, cut);
      var chosenRows = middle.filter(function (row) { return selected.indexOf(row.id) >= 0; });
      gap = middle.length - chosenRows.length;
      rows = ranked.slice(0, RANKING_ENDS).concat(chosenRows, gap ? [null] : [], ranked.slice(cut));
    }
    var values = rows.filter(Boolean).map(function (row) { return row.value || 0; });
    var low = Math.min.apply(null, [0].concat(values)), high = Math.max.apply(null, [0].concat(values));
    var span = high - low || 1;
    return rows.map(function (row) {
      if (row === null) return component("Li", { className: "ranking-gap", children: "⋯ " + gap + " ⋯" });
      var value = row.value || 0;
      var left = (Math.min(value, 0) - low) / span * 100, width = Math.abs(value) / span * 100;
      var chosen = selected.indexOf(row.id) >= 0;
      // A chosen row is marked by more than its colour: bold with a marker (assets/style.css), and aria-current.
      return component("Li", {
        className: chosen ? "selected" : "", "aria-current": chosen ? "true" : undefined,
        children: [
          component("Span", { className: "ranking-name", children: row.name }),
          component("Span", { className: "ranking-track", children: component("Span", {
            className: "ranking-bar",
            style: { left: left.toFixed(2) + "%", width: width.toFixed(2) + "%", background: row.colour }
          }) }),
          component("Span", { className: "ranking-value num", children: row.label })
        ]
      });
    });
  }

  // A row's description: an element's tag and props (children: text, a description, or a list of them).
  function component(type, props) {
    return { type: type, props: props };
  }

  var ATTRIBUTE = { className: "class", colSpan: "colspan" };  // prop names that differ from their attribute's

  function patchElement(element, props) {
    var wanted = {};
    Object.keys(props).forEach(function (name) {
      var value = props[name];
      if (name === "children" || name === "style" || value === undefined || value === "") return;
      wanted[ATTRIBUTE[name] || name] = String(value);
    });
    Array.prototype.slice.call(element.attributes).forEach(function (attribute) {
      if (!(attribute.name in wanted) && attribute.name !== "style") element.removeAttribute(attribute.name);
    });
    Object.keys(wanted).forEach(function (name) {
      if (element.getAttribute(name) !== wanted[name]) element.setAttribute(name, wanted[name]);
    });
    element.style.cssText = "";  // through the CSSOM, which the page's Content-Security-Policy allows
    Object.assign(element.style, props.style || {});
    var children = props.children;
    if (children === undefined || children === null) children = [];
    if (typeof children === "string") {
      if (element.childElementCount || element.textContent !== children) element.textContent = children;
    } else {
      draw(element, Array.isArray(children) ? children : [children]);
    }
  }

  // Patches ``container``'s children into ``rows`` (descriptions), reusing each element whose tag still fits.
  function draw(container, rows) {
    if (container.firstChild && container.firstChild.nodeType === Node.TEXT_NODE) container.textContent = "";
    rows.forEach(function (row, position) {
      var element = container.children[position];
      if (!element || element.tagName !== row.type.toUpperCase()) {
        var made = document.createElement(row.type.toLowerCase());
        if (element) container.replaceChild(made, element);
        else container.appendChild(made);
        element = made;
      }
      patchElement(element, row.props);
    });
    while (container.children.length > rows.length) container.removeChild(container.lastElementChild);
  }

  // The table mirrors the map: one row per district with its figure and rank, sorted as the reader chose. With
  // many districts it shows the first rows of that order and the chosen ones; the CSV download has them all.
  function tableRows(setup, view, figures, index, selected, sort) {
    var values = figures.values[index];
    var sortedValues = values.filter(function (value) { return value !== null; }).sort(function (a, b) { return b - a; });
    var rows = setup.names.map(function (name, district) {
      var value = values[district];
      return { id: setup.ids[district], name: name, value: value, label: valueLabel(view, figures, index, district),
               rank: value === null ? null : 1 + firstAtMost(sortedValues, value) };
    });
    var direction = sort && sort.descending === false ? 1 : -1;
    rows.sort(function (a, b) {
      if (sort && sort.by === "name") return direction * a.name.localeCompare(b.name, "da");
      if (a.value === null && b.value === null) return a.name.localeCompare(b.name, "da");
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      return direction * (a.value - b.value) || a.name.localeCompare(b.name, "da");
    });
    var total = rows.length;
    if (total > TABLE_ROWS) {
      rows = rows.filter(function (row, position) { return position < TABLE_ROWS || selected.indexOf(row.id) >= 0; });
    }
    var body = rows.map(function (row) {
      var chosen = selected.indexOf(row.id) >= 0;
      return component("Tr", {
        className: chosen ? "selected" : "", "aria-current": chosen ? "true" : undefined,
        children: [
          component("Td", { children: component("Button", {
            "data-district": row.id, children: row.name, className: "row-button", type: "button",
            "aria-pressed": chosen ? "true" : "false"
          }) }),
          component("Td", { children: row.label, className: "num" }),
          component("Td", { children: row.rank === null ? "–" : String(row.rank), className: "num" })
        ]
      });
    });
    if (total > TABLE_ROWS) {
      var note = view.words.table_more.replace("{shown}", String(TABLE_ROWS)).replace("{total}", String(total));
      body.push(component("Tr", { className: "table-more", children: component("Td", { colSpan: 3, children: note }) }));
    }
    return body;
  }

  // How many values in a descending list are larger than ``value`` (its rank minus one), by bisection.
  function firstAtMost(descending, value) {
    var low = 0, high = descending.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (descending[middle] > value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  // A district's rank in one year as the table shows it (ties share the better place, as insight.analysis's
  // rank_in_year): {position: 1 for the highest, of: districts with a figure}, or null when it has none.
  function rankOf(figures, index, district) {
    var values = figures.values[index], value = values[district];
    if (value === null || value === undefined) return null;
    var shown = values.filter(function (each) { return each !== null; }).sort(function (a, b) { return b - a; });
    return { position: 1 + firstAtMost(shown, value), of: shown.length };
  }

  // The sorted column's heading says how it is sorted (aria-sort), for screen readers; the others say none.
  // Sorting by rank is sorting by value the other way round.
  function markSort(sort) {
    var by = (sort && sort.by) || "value", descending = !sort || sort.descending !== false;
    var columns = contract().table_columns;  // ui/panels.py TABLE_COLUMNS, in the order of the headings
    document.querySelectorAll(".district-table thead th").forEach(function (heading, column) {
      var name = columns[column];
      var down = name === "rank" ? !descending : descending;
      heading.setAttribute("aria-sort", name === by ? (down ? "descending" : "ascending") : "none");
    });
  }

  window.DistriktskortLists = {
    rankingRows: rankingRows, tableRows: tableRows, draw: draw, markSort: markSort, rankOf: rankOf
  };
})();

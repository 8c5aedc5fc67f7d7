/*
 * The map view as the server sends it (ui/view.py map_view), made usable in the browser: packed figures unpacked
 * once per view, figures shared between views kept and reported back, and numbers and tooltips written the way
 * the server's Babel writes them. Used by assets/map.js and assets/lists.js through window.DistriktskortFigures.
 */
(function () {
  "use strict";

  var SHARED_KEEP = 64;  // figures kept in the browser at most
  var SHARED_REPORT = 48;  // of which the server is told about (at most ui/callbacks.py's MAX_KNOWN)
  var shared = { rows: {}, order: [] };
  var unpackedViews = { key: null, view: null, figures: null };
  var contract = function () { return window.DistriktskortContract(); };  // assets/contract.js

  // A packed (years × districts) array (ui/view.py's packed) back to rows of numbers, null where there is none.
  function unpack(packedFigures, years) {
    var scale = Math.pow(10, packedFigures.decimals), steps = packedFigures.steps, districts = steps.length / years;
    var rows = [], gaps = {};
    packedFigures.gaps.forEach(function (position) { gaps[position] = true; });
    for (var y = 0; y < years; y++) rows.push(new Array(districts));
    for (var d = 0; d < districts; d++) {
      var running = 0;
      for (y = 0; y < years; y++) {
        var position = d * years + y;
        running += steps[position];
        rows[y][d] = gaps[position] ? null : running / scale;
      }
    }
    return rows;
  }

  // A share worked out from the count and denominator it is of, which the tooltip needs anyway (ui/view.py's
  // share_from_parts, which checked on the server that this gives every figure exactly as sent figures would):
  // count / denominator * per in the same IEEE arithmetic, rounded half to even as numpy rounds.
  function shareOf(how, counts, denominators, years) {
    var scale = Math.pow(10, how.decimals), gaps = {};
    how.gaps.forEach(function (position) { gaps[position] = true; });
    return counts.map(function (row, y) {
      return row.map(function (count, d) {
        var whole = denominators[y][d];
        if (gaps[d * years + y] || count === null || whole === null) return null;
        return halfEven(count / whole * how.per * scale) / scale;
      });
    });
  }

  function halfEven(number) {
    var rounded = Math.round(number);  // halves go up; a half to an odd number goes down to the even one instead
    return rounded - number === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
  }

  // The keys of the shared figures a view's map figures come from: their own, or a share's count and denominator.
  function valuesKeys(view) {
    return typeof view.values === "string" ? [view.values] : view.values.of;
  }

  // Figures the server sent once and refers to by key (ui/view.py's Shared), newest last. The keys held go back
  // to the server with the next view request (knownSeries), so each travels once.
  function remember(view) {
    Object.keys(view.shared || {}).forEach(function (key) {
      if (shared.rows[key]) return;
      shared.rows[key] = unpack(view.shared[key], view.years.length);
      shared.order.push(key);
    });
    valuesKeys(view).concat(view.detail ? view.detail.parts.map(function (part) { return part.ref; }) : [])
      .forEach(function (key) {  // in use: newest
        var at = shared.order.indexOf(key);
        if (at >= 0) shared.order.push(shared.order.splice(at, 1)[0]);
      });
    while (shared.order.length > SHARED_KEEP) delete shared.rows[shared.order.shift()];
  }

  // Everything a view needs per year, unpacked once per view (not per year step). A figure the server thought
  // the browser had but it has not (it cannot happen unless the page lied) is simply left empty.
  function figuresOf(view) {
    if (unpackedViews.key === view.key && unpackedViews.view === view) return unpackedViews.figures;
    remember(view);
    var years = view.years.length;
    var codes = [];
    for (var y = 0; y < years; y++) codes.push(view.codes.filter(function (_, i) { return i % years === y; }));
    var districts = view.codes.length / years;
    var none = view.years.map(function () { return new Array(districts).fill(null); });
    var rowsOf = function (key) { return shared.rows[key] || none; };
    var figures = {
      codes: codes,
      values: typeof view.values === "string" ? rowsOf(view.values)
        : shareOf(view.values, rowsOf(view.values.of[0]), rowsOf(view.values.of[1]), years),
      parts: view.detail ? view.detail.parts.map(function (part) { return shared.rows[part.ref] || none; }) : []
    };
    unpackedViews = { key: view.key, view: view, figures: figures };
    return figures;
  }

  // Numbers as the server writes them (layers/i18n.py write_number, the same contract, checked against this function
  // in tests/unit/test_number_formats.py): grouped, fixed decimals, a true minus for changes, never "-0,0".
  // The sign comes from the value itself; the digits from its size.
  function writeNumber(value, written, symbols) {
    var fixed = Math.abs(value).toFixed(written.decimals);
    var parts = fixed.split(".");
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, symbols.group);
    var text = whole + (parts.length > 1 ? symbols.decimal + parts[1] : "");
    var zero = Number(fixed) === 0;
    if (written.signed) return (zero ? "" : value > 0 ? "+" : "−") + text + written.suffix;
    return (value < 0 && !zero ? symbols.minus : "") + text + written.suffix;
  }

  function valueLabel(view, figures, index, district) {
    // The colour codes of the districts with no figure shown, by status (layers/status.py).
    var code = figures.codes[index][district], hidden = contract().status;
    if (code === hidden.suppressed) return view.words.suppressed_short;
    var value = figures.values[index][district];
    if (code === hidden.missing || value === null) return view.words.missing_short;
    return writeNumber(value, view.written, view.number);
  }

  // The tooltip for one district in one year, as [text, bold] lines (the map writes them as text, not HTML).
  function tipLines(setup, view, figures, index, district) {
    var year = String(view.years[index]);
    var name = setup.names[district];
    var code = figures.codes[index][district], hidden = contract().status;
    if (code === hidden.suppressed) return [[name, true], [view.words.suppressed, false], [year, false]];
    if (code === hidden.missing || figures.values[index][district] === null) {
      return [[name, true], [view.words.missing, false], [year, false]];
    }
    var detail = "";
    if (view.detail) {
      var filled = view.detail.parts.map(function (part, i) {
        var value = figures.parts[i][part.at === null ? index : part.at][district];
        return value === null || value === undefined ? null : writeNumber(value, view.detail.written[i], view.number);
      });
      if (filled.indexOf(null) < 0) {
        detail = view.detail.template.replace(/\{(\d+|year)\}/g, function (_, key) {
          return key === "year" ? year : filled[Number(key)];
        });
      }
    }
    return [[name, true], [valueLabel(view, figures, index, district), true], [detail, false], [year, false]];
  }

  // Only the newest are reported: views already on their way may still refer to the oldest, which are kept until
  // SHARED_KEEP is reached.
  function knownKeys() {
    return shared.order.slice(-SHARED_REPORT);
  }

  window.DistriktskortFigures = {
    figuresOf: figuresOf, valueLabel: valueLabel, tipLines: tipLines, writeNumber: writeNumber, knownKeys: knownKeys
  };
})();

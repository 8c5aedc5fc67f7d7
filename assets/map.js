/*
 * Browser-side callbacks for Distriktskort.
 *
 * The server sends the chosen indicator once, with every year in it, packed small (the "map-view" store). Moving
 * the year slider or playing through the years then happens here, with no request to the server: the map is
 * recoloured through DistrictMap (assets/district_map.js), and the ranking, table, title and sentence follow.
 */
(function () {
  "use strict";

  var RANKING_ALL = 40;  // up to this many districts the ranking shows all; above, the top and bottom ten
  var RANKING_ENDS = 10;
  var PICKER_ALL = 200;  // ui/controls.py: above this many districts the pickers list only matches
  var PICKER_MATCHES = 50;
  var TABLE_ROWS = 100;  // the table shows this many rows at most (plus the chosen ones); the CSV has every row
  var seen = { closes: 0, pick: null, written: null };  // clicks acted on, and the address last written
  var VIEW_PARAMETERS = ["indicator", "measure", "year", "district", "compare", "mode", "from", "lang"];
  var unpackedViews = { key: null, figures: null };
  var SHARED_KEEP = 64;  // figures kept in the browser at most
  var SHARED_REPORT = 48;  // of which the server is told about (at most ui/callbacks.py's MAX_KNOWN)
  var shared = { rows: {}, order: [] };

  function yearIndex(view, year) {
    var index = view.years.indexOf(Number(year));
    return index < 0 ? view.years.length - 1 : index;
  }

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

  // Figures the server sent once and refers to by key (ui/view.py's Shared), newest last. The keys held go back
  // to the server with the next view request (knownSeries), so each travels once.
  function remember(view) {
    Object.keys(view.shared || {}).forEach(function (key) {
      if (shared.rows[key]) return;
      shared.rows[key] = unpack(view.shared[key], view.years.length);
      shared.order.push(key);
    });
    [view.values].concat(view.detail ? view.detail.parts.map(function (part) { return part.ref; }) : [])
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
    var figures = {
      codes: codes,
      values: shared.rows[view.values] || none,
      parts: view.detail ? view.detail.parts.map(function (part) { return shared.rows[part.ref] || none; }) : []
    };
    unpackedViews = { key: view.key, view: view, figures: figures };
    return figures;
  }

  // Numbers as Babel writes them on the server (ui/i18n.py): grouped, fixed decimals, a true minus for changes.
  function writeNumber(value, written, symbols) {
    var fixed = Math.abs(value).toFixed(written.decimals);
    var parts = fixed.split(".");
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, symbols.group);
    var text = whole + (parts.length > 1 ? symbols.decimal + parts[1] : "");
    var rounded = Number(fixed);
    if (written.signed) return (rounded > 0 ? "+" : rounded < 0 ? "−" : "") + text + written.suffix;
    return (value < 0 && rounded !== 0 ? symbols.minus : "") + text + written.suffix;
  }

  function valueLabel(view, figures, index, district) {
    var code = figures.codes[index][district];
    if (code === 1) return view.words.suppressed_short;
    var value = figures.values[index][district];
    if (code === 0 || value === null) return view.words.missing_short;
    return writeNumber(value, view.written, view.number);
  }

  // The tooltip for one district in one year, as [text, bold] lines (the map writes them as text, not HTML).
  function tipLines(setup, view, figures, index, district) {
    var year = String(view.years[index]);
    var name = setup.names[district];
    var code = figures.codes[index][district];
    if (code === 1) return [[name, true], [view.words.suppressed, false], [year, false]];
    if (code === 0 || figures.values[index][district] === null) {
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

  function drawnIn(setup, feature, year) {
    if (setup.feature_district[feature] < 0) return false;
    if (!setup.periods) return true;
    var period = setup.periods[feature];
    return period[0] <= year && year <= period[1];
  }

  function pageLanguage() {
    var page = document.getElementById("page");
    var asked = new URLSearchParams(window.location.search).get("lang");
    return asked === "en" || asked === "da" ? asked : (page && page.lang) || "da";
  }

  // What DistrictMap needs once per page, made from the page's setup store (ui/figure.py map_setup).
  function mapSetup(setup) {
    if (!setup.forMap) {
      setup.forMap = {
        shapes: setup.shapes, glyphs: setup.glyphs, bounds: setup.bounds, font: setup.font,
        background: setup.background, texts: setup.texts[pageLanguage()] || setup.texts.da,
        keys: setup.feature_district.map(function (district) { return setup.ids[district]; }),
        names: setup.feature_district.map(function (district, feature) {
          var point = setup.label_points[feature];
          return { name: district < 0 ? "" : setup.names[district], lon: point[0], lat: point[1] };
        })
      };
    }
    return setup.forMap;
  }

  // One year on the map: per shape its fill, and whether it is chosen.
  function drawMap(setup, view, figures, index, selected) {
    var year = view.years[index], codes = figures.codes[index];
    var fill = [], chosen = [];
    setup.feature_district.forEach(function (district, feature) {
      var shown = drawnIn(setup, feature, year);
      fill.push(shown ? view.colours[codes[district]] : null);
      chosen.push(shown && selected.indexOf(setup.ids[district]) >= 0);
    });
    window.DistrictMap.draw(document.getElementById("map-graph"), mapSetup(setup), { fill: fill, chosen: chosen }, {
      tip: function (feature) {
        return tipLines(setup, view, figures, index, setup.feature_district[feature]);
      },
      pick: function (feature) {
        var id = setup.ids[setup.feature_district[feature]];
        pickDistrict(id);
      }
    });
  }

  // A district chosen on the map or in the table: one store, read by chooseDistrict.
  function pickDistrict(id) {
    window.dash_clientside.set_props("district-pick", { data: { id: id, stamp: Date.now() } });
  }

  // Table rows are plain buttons that carry their district; one listener serves them all, so redrawing the
  // table never makes Dash rebuild its callback graph for new pattern-matched ids.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".row-button[data-district]");
    if (button) pickDistrict(button.getAttribute("data-district"));
  });
  // The table is drawn only while it is open ("toggle" does not bubble, so it is caught on the way down).
  document.addEventListener("toggle", function (event) {
    if (event.target.classList && event.target.classList.contains("district-table")) {
      window.dash_clientside.set_props("table-open", { data: event.target.open });
    }
  }, true);

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
      return component("Li", {
        className: selected.indexOf(row.id) >= 0 ? "selected" : "",
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

  function component(type, props) {
    return { type: type, namespace: "dash_html_components", props: props };
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
        className: chosen ? "selected" : "",
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

  function sameId(a, b) {
    if (typeof a !== "object" || typeof b !== "object") return a === b;
    return a.type === b.type && a.index === b.index;
  }

  // What was clicked, and how often: null for a button that was only just drawn (no clicks yet).
  function triggeredClick() {
    var context = window.dash_clientside.callback_context;
    if (!context || !context.triggered_id) return null;
    var id = context.triggered_id;
    // A plain input (the map, the close button) arrives without its value here, so its trigger is the click;
    // a pattern-matched button counts only once it has been clicked, not when it is first drawn.
    var value = typeof id === "object" ? null : true;
    (context.inputs_list || []).forEach(function (entry) {
      (Array.isArray(entry) ? entry : [entry]).forEach(function (input) {
        if (sameId(input.id, id) && input.value !== undefined) value = input.value;
      });
    });
    return value ? { id: id, value: value } : null;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    distriktskort: {
      renderYear: function (year, view, district, compare, sort, tableOpen, setup) {
        var noUpdate = window.dash_clientside.no_update;
        if (!view || !view.codes || !setup) {
          return [noUpdate, noUpdate, noUpdate, noUpdate];
        }
        var index = yearIndex(view, year);
        var figures = figuresOf(view);
        var selected = [district, compare].filter(Boolean);
        drawMap(setup, view, figures, index, selected);
        var title = view.title.replace("{year}", String(view.years[index]));
        return [rankingRows(setup, view, figures, index, selected), title, view.sentences[index],
                tableOpen ? tableRows(setup, view, figures, index, selected, sort) : noUpdate];
      },

      // The map is made, and its shapes fetched, as soon as the page is there: while the first view is on its
      // way from the server, not after it.
      prepareMap: function (setup) {
        if (setup && setup.shapes) window.DistrictMap.prepare(document.getElementById("map-graph"), mapSetup(setup));
        return window.dash_clientside.no_update;
      },

      // For a dataset too large to list every district: the names that match what is typed, those starting with
      // it first, and always the chosen one, so it keeps its label.
      districtOptions: function (search, value, setup) {
        if (!setup || setup.ids.length <= PICKER_ALL) return window.dash_clientside.no_update;
        var wanted = (search || "").trim().toLocaleLowerCase("da");
        var starts = [], contains = [];
        if (wanted) {
          setup.names.forEach(function (name, district) {
            var at = name.toLocaleLowerCase("da").indexOf(wanted);
            if (at === 0) starts.push(district);
            else if (at > 0) contains.push(district);
          });
        }
        var byName = function (a, b) { return setup.names[a].localeCompare(setup.names[b], "da"); };
        var chosen = setup.ids.indexOf(value);
        var found = starts.sort(byName).concat(contains.sort(byName)).slice(0, PICKER_MATCHES);
        if (chosen >= 0 && found.indexOf(chosen) < 0) found.unshift(chosen);
        return found.map(function (district) { return { label: setup.names[district], value: setup.ids[district] }; });
      },

      knownSeries: function (view) {
        if (!view || !view.codes) return window.dash_clientside.no_update;
        figuresOf(view);
        // Only the newest are reported: views already on their way may still refer to the oldest, which are
        // kept until SHARED_KEEP is reached.
        return shared.order.slice(-SHARED_REPORT);
      },

      // The open profile follows the year and the view; a closed one costs the server nothing.
      profileYear: function (year, district, compare, viewStamp) {
        return district || compare ? { year: year, view: viewStamp } : window.dash_clientside.no_update;
      },

      // One place decides which district is chosen: a click on the map, a table row, a peer, or closing.
      // Dash also calls this when buttons are redrawn, so only a new click counts: a higher close count, a new
      // map click time stamp, or a pattern button with clicks on it.
      chooseDistrict: function (pick, peers, closes, district, compare) {
        var noUpdate = window.dash_clientside.no_update;
        if ((closes || 0) > seen.closes) {
          seen.closes = closes;
          return [null, null];
        }
        var stamp = pick && pick.stamp;
        if (stamp && stamp !== seen.pick) {
          seen.pick = stamp;
          return typeof pick.id === "string" ? [pick.id, noUpdate] : [noUpdate, noUpdate];
        }
        var click = triggeredClick();
        return click && typeof click.id === "object" ? [click.id.index, noUpdate] : [noUpdate, noUpdate];
      },

      sortTable: function (clicks, sort) {
        var click = triggeredClick();
        if (!click) return window.dash_clientside.no_update;
        var by = click.id.index;
        var descending = sort && sort.by === by ? !sort.descending : by !== "name";
        return { by: by, descending: descending };
      },

      // An address the page did not write itself (opening a link, Back, Forward) goes to the server to be read.
      gateUrl: function (search) {
        return search === seen.written ? window.dash_clientside.no_update : (search || "");
      },

      altText: function (sentence) {
        return typeof sentence === "string" ? sentence : "";
      },

      pageMode: function (pathname) {
        return (pathname || "").replace(/\/+$/, "") === "/embed" ? "page page-embed" : "page";
      },

      embedCode: function (search) {
        var src = window.location.origin + "/embed" + (search || "");
        return '<iframe src="' + src + '" title="' + document.title.replace(/"/g, "&quot;") +
          '" width="100%" height="640" style="border:0" loading="lazy"></iframe>';
      },

      // The download links carry the view's parameters, so a download is exactly what is on screen.
      exportLinks: function (search, linkIds) {
        return linkIds.map(function (id) { return "/export/view." + id.index + (search || ""); });
      },

      // The view's controls written to the address, in the order of ui/url_state.py's VIEW_PARAMETERS.
      writeUrl: function () {
        if (!arguments[VIEW_PARAMETERS.length]) return window.dash_clientside.no_update;
        var params = new URLSearchParams();
        for (var i = 0; i < VIEW_PARAMETERS.length; i++) {
          var value = arguments[i];
          if (value !== null && value !== undefined && value !== "") params.append(VIEW_PARAMETERS[i], String(value));
        }
        var search = params.toString() ? "?" + params.toString() : "";
        if (search === window.location.search) return window.dash_clientside.no_update;
        seen.written = search;
        return search;
      },

      togglePlay: function (clicks, disabled) {
        var playing = disabled !== false;  // it was stopped, so it starts
        return [!playing, playing ? "❚❚" : "▶", playing ? "true" : "false"];
      },

      nextYear: function (ticks, year, first, last) {
        var next = Number(year) + 1;
        return next > last ? first : next;
      }
    }
  });
})();

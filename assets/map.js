/*
 * Browser-side callbacks for Distriktskort.
 *
 * The server sends the chosen indicator once, with every year in it, packed small (the map view store). Moving
 * the year slider or playing through the years then happens here, with no request to the server: the map is
 * recoloured through DistrictMap (assets/district_map.js), and the ranking, table, title and sentence follow.
 */
(function () {
  "use strict";

  // The ids, names, limits and codes shared with Python (ui/contract.py), read when needed: assets/contract.js.
  var contract = function () { return window.DistriktskortContract(); };

  // A picker label as ui/labels.py makes one: cut to its MAX_LABEL_CHARS (Dash indexes every substring of a label,
  // so a label is kept short), and '__proto__' (which the dropdown's search index would write onto every object)
  // broken by an invisible zero-width joiner.
  function optionLabel(name) {
    var most = contract().max_label_chars;
    var text = name.length > most ? Array.from(name).slice(0, most - 1).join("") + "…" : name;
    return text.replace(/__proto__/gi, function (found) { return found.slice(0, -1) + "\u200d" + found.slice(-1); });
  }

  // Text for an HTML attribute in the embed code, which readers paste into their own pages.
  function attributeText(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  var seen = { closes: 0, pick: null, written: null };  // clicks acted on, and the address last written
  var figures = function () { return window.DistriktskortFigures; };  // assets/figures.js
  var lists = function () { return window.DistriktskortLists; };  // assets/lists.js
  var SETTLE_MS = 600;  // the year and view are said once the slider rests: a drag says its last year only
  var spoken = { setup: null, playing: false, settle: null, viewKey: null, touched: false };

  // A view is said only once the reader has touched a control. The view an address asks for (?lang=en, a shared
  // link) is applied just after the first render, and is the first view too: nothing the reader did. The panel
  // (ui/ids.py CONTROLS_PANEL) holds the controls a reader changes the view with.
  ["pointerdown", "keydown", "input"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var panel = document.getElementById(contract().ids.CONTROLS_PANEL);
      if (panel && event.target instanceof Node && panel.contains(event.target)) spoken.touched = true;
    }, true);
  });

  // Words for the live region. The same words again (the same district twice) are still said: the region is
  // emptied first and written a moment later, as screen readers only speak a change. The region (MAP_ANNOUNCE) is
  // the page's one polite live region.
  function announce(text) {
    var region = document.getElementById(contract().ids.MAP_ANNOUNCE);
    if (!region || !text) return;
    if (region.textContent !== text) { region.textContent = text; return; }
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 100);
  }

  // The browser's words in the page's language now (ui/figure.py MAP_TEXTS).
  function words(setup) {
    return setup.texts[pageLanguage()] || setup.texts.da;
  }

  function yearIndex(view, year) {
    var index = view.years.indexOf(Number(year));
    return index < 0 ? view.years.length - 1 : index;
  }

  function drawnIn(setup, feature, index) {
    return !setup.feature_of_year || setup.feature_of_year[index][setup.feature_district[feature]] === feature;
  }

  // <html lang>: served in the language the address asks for (serving/page.py), and switched at once with the
  // language switch (assets/page_language.js), before the address is rewritten. Any language the setup has texts
  // for; the callers fall back to Danish for the rest.
  function pageLanguage() {
    var page = document.getElementById(contract().ids.PAGE);
    return document.documentElement.lang || (page && page.lang) || "da";
  }

  // What DistrictMap needs once per page, made from the page's setup store (ui/figure.py map_setup).
  function mapSetup(setup) {
    if (!setup.forMap) {
      setup.forMap = {
        shapes: setup.shapes, glyphs: setup.glyphs, bounds: setup.bounds, font: setup.font,
        background: setup.background, texts: setup.texts[pageLanguage()] || setup.texts.da,
        chosenColours: setup.chosen_colours, chosenCasing: setup.chosen_casing, missingHatch: setup.missing_hatch,
        neighbours: setup.neighbours, describedBy: contract().ids.MAP_HELP,  // the map's keyboard help
        keys: setup.feature_district.map(function (district) { return setup.ids[district]; }),
        names: setup.feature_district.map(function (district, feature) {
          var point = setup.label_points[feature];
          return { name: setup.names[district], lon: point[0], lat: point[1] };
        })
      };
    }
    return setup.forMap;
  }

  // One year on the map: per shape its fill, whether it has no figure, and whether it is chosen first (1) or
  // second (2), which gives its outline the colour of its line in the profile's chart. No figure is drawn hatched.
  function drawMap(setup, view, unpacked, index, selected) {
    var codes = unpacked.codes[index], missingCode = contract().status.missing;
    var fill = [], chosen = [], missing = [];
    setup.feature_district.forEach(function (district, feature) {
      var shown = drawnIn(setup, feature, index);
      fill.push(shown ? view.colours[codes[district]] : null);
      missing.push(shown && codes[district] === missingCode);
      chosen.push(shown ? selected.indexOf(setup.ids[district]) + 1 : 0);
    });
    var scene = { fill: fill, chosen: chosen, missing: missing };
    window.DistrictMap.draw(document.getElementById(contract().ids.MAP_GRAPH), mapSetup(setup), scene, {
      tip: function (feature) {
        return figures().tipLines(setup, view, unpacked, index, setup.feature_district[feature]);
      },
      pick: function (feature) {
        var id = setup.ids[setup.feature_district[feature]];
        pickDistrict(id);
      },
      describe: function (feature) {
        return describeDistrict(setup, view, unpacked, index, setup.feature_district[feature]);
      },
      announce: announce,
      nothing: words(setup).map_nothing_that_way
    });
  }

  // A district in words, for the keyboard on the map: the tooltip's lines (figure, count and denominator, year)
  // and its rank as the table counts it, from the nearer end ("3. højeste af 23", "2. laveste af 23").
  function describeDistrict(setup, view, unpacked, index, district) {
    var lines = figures().tipLines(setup, view, unpacked, index, district)
      .map(function (line) { return line[0]; }).filter(Boolean);
    var rank = lists().rankOf(unpacked, index, district);
    if (rank && rank.of > 1) {
      var fromBottom = rank.of - rank.position + 1, upper = rank.position <= fromBottom;
      var whole = { decimals: 0, suffix: "", signed: false };
      lines.push(words(setup)[upper ? "map_rank_high" : "map_rank_low"]
        .replace("{position}", figures().writeNumber(upper ? rank.position : fromBottom, whole, view.number))
        .replace("{of}", figures().writeNumber(rank.of, whole, view.number)));
    }
    return lines.join(", ");
  }

  // The table's new order in words: "Sorteret efter tal, højeste først". By rank, descending is the highest first.
  function sortWords(setup, sort) {
    var texts = words(setup), by = (sort && sort.by) || "value", descending = !sort || sort.descending !== false;
    var heading = document.querySelectorAll(".district-table thead th")[contract().table_columns.indexOf(by)];
    var column = heading ? heading.textContent.trim().toLocaleLowerCase() : by;
    var order = by === "name" ? (descending ? texts.sort_z_to_a : texts.sort_a_to_z)
      : (descending ? texts.sort_high_first : texts.sort_low_first);
    return texts.announce_sorted.replace("{column}", column).replace("{order}", order);
  }

  // What a render changed, said once: the table's order at once; the title and sentence when the year or view
  // changed by hand, once the slider rests. Nothing while playing (said once it stops), nor for the first view or
  // the one the address asks for.
  function speakChange(setup, view, trigger, text, sort) {
    var ids = contract().ids;
    spoken.setup = setup;
    if (trigger === ids.TABLE_SORT) { announce(sortWords(setup, sort)); return; }
    if (spoken.viewKey === null || !spoken.touched) { spoken.viewKey = view.key; return; }
    if (spoken.playing || (trigger !== ids.CONTROLS_YEAR && trigger !== ids.MAP_VIEW)) return;
    clearTimeout(spoken.settle);
    spoken.settle = setTimeout(function () { announce(text); }, SETTLE_MS);
  }

  function titleAndSentence() {
    return [contract().ids.MAP_TITLE, contract().ids.MAP_SENTENCE].map(function (id) {
      var element = document.getElementById(id);
      return element ? element.textContent.trim() : "";
    }).filter(Boolean).join(". ");
  }

  // A district chosen on the map or in the table: one store, read by chooseDistrict. Above picker_all districts the
  // picker offers only the names that match what is typed (districtOptions), and a dropdown drops a value it does
  // not offer: the chosen district becomes its option first.
  function pickDistrict(id) {
    var setup = latest && latest.setup, ids = contract().ids;
    var district = setup ? setup.ids.indexOf(id) : -1;
    if (district >= 0 && setup.ids.length > contract().picker_all) {
      window.dash_clientside.set_props(ids.CONTROLS_DISTRICT, {
        options: [{ label: optionLabel(setup.names[district]), value: id }]
      });
    }
    window.dash_clientside.set_props(ids.DISTRICT_PICK, { data: { id: id, stamp: Date.now() } });
  }

  // Table rows are plain buttons that carry their district; one listener serves them all, so redrawing the
  // table never makes Dash rebuild its callback graph for new pattern-matched ids.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".row-button[data-district]");
    if (button) pickDistrict(button.getAttribute("data-district"));
  });
  // A year step by key is drawn here at once, from the view already unpacked, and Dash is told after the frame
  // with the new colours: a round of Dash's callbacks (the slider, ranking, table, title, address) takes about
  // 100 ms of the page's one thread, and the map's frame would wait behind it. renderYear then draws the ranking,
  // table, title and sentence, and says the change, as for any other year change. Keys pressed faster than Dash
  // follows draw every year on the map, and Dash is told the newest one only.
  var ahead = { year: null, telling: false };  // the year the map shows ahead of the slider's value
  var latest = null;  // what renderYear drew last: {setup, view, unpacked, selected, year}

  function stepTo(year) {
    if (latest && year !== (ahead.year === null ? latest.year : ahead.year)) {
      drawMap(latest.setup, latest.view, latest.unpacked, yearIndex(latest.view, year), latest.selected);
    }
    ahead.year = year;
    if (ahead.telling) return;
    ahead.telling = true;
    // The map's frame is drawn in the next animation frame; Dash's round starts in the task after it.
    requestAnimationFrame(function () {
      setTimeout(function () {
        ahead.telling = false;
        // Back at the slider's own year before Dash was told: nothing to tell (the same value changes nothing).
        if (latest && ahead.year === latest.year) { ahead.year = null; return; }
        window.dash_clientside.set_props(contract().ids.CONTROLS_YEAR, { value: ahead.year });
      }, 0);
    });
  }

  // The year slider stops only at the years the dataset has (ui/controls.py), but its own arrow keys move by a
  // fraction of a year and snap back; here they move to the next or previous year that exists, gaps skipped.
  var YEAR_KEYS = { ArrowRight: 1, ArrowUp: 1, PageUp: 1, ArrowLeft: -1, ArrowDown: -1, PageDown: -1 };
  document.addEventListener("keydown", function (event) {
    var row = event.target.closest && event.target.closest(".year-row[data-years]");
    var direction = YEAR_KEYS[event.key];
    if (!row || !direction || event.target.getAttribute("role") !== "slider") return;
    var years = row.getAttribute("data-years").split(" ").map(Number);
    var now = ahead.year !== null ? ahead.year : Number(event.target.getAttribute("aria-valuenow"));
    var at = years.indexOf(now);
    var next = years[Math.max(0, Math.min(years.length - 1, (at < 0 ? 0 : at) + direction))];
    event.preventDefault();
    event.stopPropagation();
    if (next !== now) stepTo(next);
  }, true);
  // The table is drawn only while it is open ("toggle" does not bubble, so it is caught on the way down).
  document.addEventListener("toggle", function (event) {
    if (event.target.classList && event.target.classList.contains("district-table")) {
      window.dash_clientside.set_props(contract().ids.TABLE_OPEN, { data: event.target.open });
    }
  }, true);


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

  // A new view is drawn on the map the moment its answer arrives (Dash's request_post hook, set in app.py), before
  // Dash applies the answer's other outputs (legend, options, description) and runs renderYear: that round holds
  // the page's one thread for 100–250 ms, and the map's frame would wait behind it. renderYear then draws the same
  // scene (nothing left to change) and the ranking, table, title and sentence, as for any view.
  function viewArrived(response) {
    var ids = contract().ids;
    var view = response && response[ids.MAP_VIEW] && response[ids.MAP_VIEW].data;
    if (!latest || !view || !view.codes || !view.years || view.key === latest.view.key) return;
    var year = response[ids.CONTROLS_YEAR] ? response[ids.CONTROLS_YEAR].value
      : (ahead.year === null ? latest.year : ahead.year);
    drawMap(latest.setup, view, figures().figuresOf(view), yearIndex(view, year), latest.selected);
  }

  // For assets/focus.js: the live region, and the browser's words in the page's language (null before the map view);
  // for the renderer's hook (app.py): the view's answer as it arrives.
  window.DistriktskortPage = {
    announce: announce,
    words: function () { return spoken.setup ? words(spoken.setup) : null; },
    viewArrived: viewArrived
  };

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    distriktskort: {
      renderYear: function (year, view, district, compare, sort, tableOpen, setup) {
        var noUpdate = window.dash_clientside.no_update;
        if (!view || !view.codes || !setup) {
          return [noUpdate, noUpdate];
        }
        var index = yearIndex(view, year);
        var unpacked = figures().figuresOf(view);
        var selected = [district, compare].filter(Boolean);
        latest = { setup: setup, view: view, unpacked: unpacked, selected: selected, year: view.years[index] };
        if (ahead.year === latest.year) ahead.year = null;  // Dash has caught up with the keys
        // The map keeps a year drawn ahead by the keys; the lists follow when Dash gets there.
        drawMap(setup, view, unpacked, ahead.year === null ? index : yearIndex(view, ahead.year), selected);
        var title = view.title.replace("{year}", String(view.years[index]));
        var context = window.dash_clientside.callback_context || {};
        speakChange(setup, view, context.triggered_id, title + ". " + view.sentences[index], sort);
        // The ranking and the table are drawn here, not returned to Dash (assets/lists.js says why).
        var ranking = document.getElementById(contract().ids.RANKING_LIST);
        if (ranking) lists().draw(ranking, lists().rankingRows(setup, view, unpacked, index, selected));
        var table = document.getElementById(contract().ids.TABLE_BODY);
        if (tableOpen && table) {
          lists().markSort(sort);
          lists().draw(table, lists().tableRows(setup, view, unpacked, index, selected, sort));
        }
        return [title, view.sentences[index]];
      },

      // The map is made, and its shapes fetched, as soon as the page is there: while the first view is on its
      // way from the server, not after it.
      prepareMap: function (setup) {
        var graph = document.getElementById(contract().ids.MAP_GRAPH);
        if (setup && setup.shapes) window.DistrictMap.prepare(graph, mapSetup(setup));
        return window.dash_clientside.no_update;
      },

      // For a dataset too large to list every district: the names that match what is typed, those starting with
      // it first, and always the chosen one, so it keeps its label.
      districtOptions: function (search, value, setup) {
        if (!setup || setup.ids.length <= contract().picker_all) return window.dash_clientside.no_update;
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
        var found = starts.sort(byName).concat(contains.sort(byName)).slice(0, contract().picker_matches);
        if (chosen >= 0 && found.indexOf(chosen) < 0) found.unshift(chosen);
        return found.map(function (district) {
          return { label: optionLabel(setup.names[district]), value: setup.ids[district] };
        });
      },

      knownSeries: function (view) {
        if (!view || !view.codes) return window.dash_clientside.no_update;
        figures().figuresOf(view);
        return figures().knownKeys();
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
        var page = contract().page_class;  // the class ui/layout.py gives the page
        return (pathname || "").replace(/\/+$/, "") === "/embed" ? page + " page-embed" : page;
      },

      embedCode: function (search) {
        var src = window.location.origin + "/embed" + (search || "");
        return '<iframe src="' + attributeText(src) + '" title="' + attributeText(document.title) +
          '" width="100%" height="640" style="border:0" loading="lazy"></iframe>';
      },

      // The download links carry the view's parameters, so a download is exactly what is on screen.
      exportLinks: function (search, linkIds) {
        return linkIds.map(function (id) { return "/export/view." + id.index + (search || ""); });
      },

      // The view's controls written to the address, one argument per view parameter, in their declared order.
      writeUrl: function () {
        var names = contract().view_parameters;
        if (!arguments[names.length]) return window.dash_clientside.no_update;
        var params = new URLSearchParams();
        for (var i = 0; i < names.length; i++) {
          var value = arguments[i];
          if (value !== null && value !== undefined && value !== "") params.append(names[i], String(value));
        }
        var search = params.toString() ? "?" + params.toString() : "";
        if (search === window.location.search) return window.dash_clientside.no_update;
        seen.written = search;
        return search;
      },

      togglePlay: function (clicks, disabled) {
        var playing = disabled !== false;  // it was stopped, so it starts
        spoken.playing = playing;
        clearTimeout(spoken.settle);
        // Said once, when it stops: the year it stopped at (the live region is quiet while it plays).
        if (!playing) spoken.settle = setTimeout(function () { announce(titleAndSentence()); }, SETTLE_MS);
        return [!playing, playing ? "❚❚" : "▶", playing ? "true" : "false"];
      },

      // The year after this one that the dataset has (gaps skipped), and the first again after the last.
      nextYear: function (ticks, year, setup) {
        var years = (setup && setup.years) || [];
        if (!years.length) return window.dash_clientside.no_update;
        var later = years.filter(function (each) { return each > Number(year); });
        return later.length ? later[0] : years[0];
      }
    }
  });
})();

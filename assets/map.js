/*
 * Browser-side callbacks for Distriktskort.
 *
 * The server sends the chosen indicator once, with every year in it (the "map-view" store). Moving the year
 * slider or playing through the years then happens here, with no request to the server, and the district shapes,
 * which Plotly fetched once from their URL, are never sent again.
 */
(function () {
  "use strict";

  var TILE_SIZE = 512;
  var seen = { closes: 0, mapClick: null, written: null };  // clicks acted on, and the address last written
  var VIEW_PARAMETERS = ["indicator", "measure", "year", "district", "compare", "mode", "from", "lang"];
  var fittedWidths = {};

  function mercatorY(latitude) {
    return Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360));
  }

  // The zoom at which the districts fill the map element, so a phone sees the whole municipality too.
  function fitZoom(bounds, width, height) {
    var xFraction = (bounds[2] - bounds[0]) / 360;
    var yFraction = (mercatorY(bounds[3]) - mercatorY(bounds[1])) / (2 * Math.PI);
    var zoomX = Math.log2((width * 0.92) / TILE_SIZE / xFraction);
    var zoomY = Math.log2((height * 0.92) / TILE_SIZE / yFraction);
    return Math.min(zoomX, zoomY);
  }

  function yearIndex(view, year) {
    var index = view.years.indexOf(Number(year));
    return index < 0 ? view.years.length - 1 : index;
  }

  // One year's map: the shapes valid that year, coloured by their district's code, and each name placed on the
  // label trace whose text colour reads on its fill.
  function mapFigure(figure, view, index, selected) {
    var meta = figure.layout.meta;
    var features = meta.feature_of_year[index] || [];
    var codes = view.codes[index];
    var locations = [], z = [], tips = [], lon = [], lat = [], dark = [], light = [], ids = [], widths = [], lines = [];
    features.forEach(function (feature, district) {
      if (feature < 0) return;
      var chosen = selected.indexOf(view.ids[district]) >= 0;
      locations.push(meta.keys[feature]);
      ids.push(view.ids[district]);
      widths.push(chosen ? 4 : 1.2);
      lines.push(chosen ? "#f2a900" : "#ffffff");
      z.push(codes[district]);
      tips.push(view.hover[index][district]);
      lon.push(meta.label_points[feature][0]);
      lat.push(meta.label_points[feature][1]);
      var onDark = view.light_text[codes[district]];
      dark.push(onDark ? "" : view.names[district]);
      light.push(onDark ? view.names[district] : "");
    });
    var trace = Object.assign({}, figure.data[0], {
      locations: locations,
      z: z,
      customdata: tips,
      text: ids,
      marker: Object.assign({}, figure.data[0].marker, { line: { color: lines, width: widths } }),
      colorscale: view.colorscale,
      zmin: -0.5,
      zmax: view.zmax
    });
    var labels = [dark, light].map(function (text, i) {
      return Object.assign({}, figure.data[i + 1], { lon: lon, lat: lat, text: text });
    });
    var layout = Object.assign({}, figure.layout);
    var element = document.getElementById("map-graph");
    var bounds = meta.bounds;
    if (element && bounds && element.clientWidth > 0 && !fittedWidths[element.clientWidth]) {
      fittedWidths = {};
      fittedWidths[element.clientWidth] = true;
      layout.map = Object.assign({}, layout.map, {
        zoom: fitZoom(bounds, element.clientWidth, element.clientHeight || element.clientWidth)
      });
    }
    return { data: [trace].concat(labels), layout: layout };
  }

  // The ranking beside the map: every district, highest first, in its map colour; hidden values at the end.
  function rankingFigure(figure, view, index) {
    var rows = view.names.map(function (name, district) {
      return {
        name: name,
        value: view.values[index][district],
        label: view.labels[index][district],
        colour: view.colours[view.codes[index][district]]
      };
    });
    rows.sort(function (a, b) {
      if (a.value === null && b.value === null) return a.name.localeCompare(b.name, "da");
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      return b.value - a.value || a.name.localeCompare(b.name, "da");
    });
    var trace = Object.assign({}, figure.data[0], {
      y: rows.map(function (row) { return row.name; }),
      x: rows.map(function (row) { return row.value === null ? 0 : row.value; }),
      text: rows.map(function (row) { return row.label; }),
      marker: { color: rows.map(function (row) { return row.colour; }), line: { color: "#5b6b73", width: 0.5 } }
    });
    return { data: [trace], layout: figure.layout };
  }

  function component(type, props) {
    return { type: type, namespace: "dash_html_components", props: props };
  }

  function rankOf(values, district) {
    var own = values[district];
    if (own === null) return null;
    return 1 + values.filter(function (value) { return value !== null && value > own; }).length;
  }

  // The table mirrors the map: one row per district with its figure and rank, sorted as the reader chose.
  function tableRows(view, index, selected, sort) {
    var values = view.values[index];
    var rows = view.names.map(function (name, district) {
      return { id: view.ids[district], name: name, value: values[district], label: view.labels[index][district],
               rank: rankOf(values, district) };
    });
    var direction = sort && sort.descending === false ? 1 : -1;
    rows.sort(function (a, b) {
      if (sort && sort.by === "name") return direction * a.name.localeCompare(b.name, "da");
      if (a.value === null && b.value === null) return a.name.localeCompare(b.name, "da");
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      return direction * (a.value - b.value) || a.name.localeCompare(b.name, "da");
    });
    return rows.map(function (row) {
      var chosen = selected.indexOf(row.id) >= 0;
      return component("Tr", {
        className: chosen ? "selected" : "",
        children: [
          component("Td", { children: component("Button", {
            id: { type: "table-row", index: row.id }, children: row.name, className: "row-button", n_clicks: 0,
            "aria-pressed": chosen ? "true" : "false"
          }) }),
          component("Td", { children: row.label, className: "num" }),
          component("Td", { children: row.rank === null ? "–" : String(row.rank), className: "num" })
        ]
      });
    });
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
      renderYear: function (year, view, district, compare, sort, mapFig, rankingFig) {
        var noUpdate = window.dash_clientside.no_update;
        if (!view || !view.codes || !mapFig || !mapFig.data) {
          return [noUpdate, noUpdate, noUpdate, noUpdate, noUpdate];
        }
        var index = yearIndex(view, year);
        var selected = [district, compare].filter(Boolean);
        var title = view.title.replace("{year}", String(view.years[index]));
        return [mapFigure(mapFig, view, index, selected), rankingFigure(rankingFig, view, index), title,
                view.sentences[index], tableRows(view, index, selected, sort)];
      },

      // The open profile follows the year and the view; a closed one costs the server nothing.
      profileYear: function (year, district, compare, viewStamp) {
        return district || compare ? { year: year, view: viewStamp } : window.dash_clientside.no_update;
      },

      // One place decides which district is chosen: a click on the map, a table row, a peer, or closing.
      // Dash also calls this when buttons are redrawn, so only a new click counts: a higher close count, a new
      // map click time stamp, or a pattern button with clicks on it.
      chooseDistrict: function (clickData, rows, peers, closes, district, compare) {
        var noUpdate = window.dash_clientside.no_update;
        if ((closes || 0) > seen.closes) {
          seen.closes = closes;
          return [null, null];
        }
        var stamp = clickData && clickData.timestamp;
        if (stamp && stamp !== seen.mapClick) {
          seen.mapClick = stamp;
          var point = clickData.points && clickData.points[0];
          return point && point.text ? [point.text, noUpdate] : [noUpdate, noUpdate];
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

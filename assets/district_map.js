/*
 * DistrictMap: the district map, drawn by MapLibre GL JS (vendored in assets/vendor/maplibre-gl, no network).
 *
 * The shapes are loaded once, from their content-hashed URL. After that, every change of year, indicator or
 * selection is a "scene" (a colour and a chosen flag per shape), applied as MapLibre feature-state
 * on the shapes that changed. The shapes themselves are never re-sent, re-parsed or re-tessellated.
 *
 * The one interface the rest of the page uses:
 *   DistrictMap.prepare(container, setup)  make the map and fetch the shapes early (optional)
 *   DistrictMap.draw(container, setup, scene, handlers)
 *     setup    {shapes: URL, glyphs: URL template, bounds: [w, s, e, n], font, names: [{name, lon, lat}],
 *              keys: [a name per shape, e.g. its district id]}
 *              (fixed per page; both URLs on this origin)
 *     scene    {fill: [colour or null per shape], chosen: [0, or 1 or 2 for the first or second chosen, per shape],
 *              missing: [bool per shape: no figure, drawn hatched]}
 *              A shape with a null fill is not drawn (not valid that year). setup.chosenColours and
 *              setup.chosenCasing colour the chosen outlines, setup.missingHatch the hatch's lines.
 *     handlers {tip(shape) -> [[text, bold], ...], pick(shape), describe(shape) -> text, announce(text),
 *              nothing: text}
 *              (describe: a shape in words for the live region; nothing: said when no district lies that way)
 *     setup also takes neighbours: [[shape, ...] per shape] (geo/neighbours.py) and describedBy: the id of the
 *     keyboard help the canvas is described by.
 * The keyboard: Tab onto the canvas focuses the chosen district, else the one last picked, else the first by name;
 * the arrow keys move to the neighbour in that direction, Enter or Space picks it, Escape lets go (the arrows pan
 * the map again). +/- still zoom. The focused district is outlined and said through handlers.announce.
 *   DistrictMap.renderedFills(container) -> {key: fill} of the shapes drawn now (setup.keys names each shape)
 *   DistrictMap.renderedMissing(container) -> [key of each shape drawn hatched now, as having no figure]
 *   DistrictMap.requested(container) -> every URL the map has fetched, in order
 *   DistrictMap.mapOf(container) -> the MapLibre map (for tests and benchmarks)
 *   DistrictMap.focused(container) -> the key of the district the keyboard is on, or null
 * After every drawn update the page gets performance.mark("map-updated"), so any tool can time it the same way.
 */
(function () {
  "use strict";

  var SHAPES = "districts";
  var NAMES = "district-names";
  var CHOSEN = "district-chosen";
  var FOCUS = "district-focus";
  var ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };  // on screen
  var MAX_TURN = Math.cos(Math.PI / 3);  // a move goes at most 60 degrees off the arrow's direction
  // ... or, when nothing lies within that, to a district sharing a border up to 80 degrees off: a long neighbour
  // whose middle lies a little aside is still "that way" to a reader who sees the border.
  var WIDE_TURN = Math.cos(80 * Math.PI / 180);
  var IN_VIEW_MARGIN = 24;  // pixels: a focused name closer to the edge than this is panned into view
  var HATCH = "missing-hatch";
  var HATCH_PX = 8;  // one tile of the hatch: a diagonal line every 8 px, as the legend's swatch draws it
  var NAMES_IN_VIEW = 60;
  var NONE = "rgba(0,0,0,0)";
  var states = [];  // {container, map, scene, handlers, shownKey, moved}

  function stateOf(container) {
    for (var i = 0; i < states.length; i++) if (states[i].container === container) return states[i];
    return null;
  }

  function style(setup) {
    var origin = window.location.origin;
    return {
      version: 8,
      name: "distriktskort-offline",
      glyphs: origin + setup.glyphs,
      sources: {},
      layers: [{ id: "background", type: "background", paint: { "background-color": setup.background || "#eef3f5" } }]
    };
  }

  // The page fetches the shapes itself, as soon as the map is made (not MapLibre's worker once the style is
  // loaded): they then load alongside the style, and show in the page's network timeline like every other byte.
  function fetchShapes(setup) {
    return fetch(window.location.origin + setup.shapes, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(setup.shapes + ": HTTP " + response.status);
      return response.json();
    });
  }

  function empty() {
    return { type: "FeatureCollection", features: [] };
  }

  // Names are placed once they can be read: from the zoom where about NAMES_IN_VIEW districts fill the map. A
  // municipality's 23 shows names at once; a country's 2,000 shows them from two or three zoom levels in, and
  // the first map is not kept waiting for 2,000 names no one could read.
  function namesMinZoom(map, count) {
    return map.getZoom() + Math.max(0, 0.5 * Math.log2(count / NAMES_IN_VIEW)) - 0.25;
  }

  // "No figure" is hatched, as Datawrapper draws it, so it never looks like a class colour (a pale grey sat next to
  // the white middle of a diverging scale). The tile is drawn here, in the page: no image is fetched.
  function hatchImage(colour) {
    var canvas = document.createElement("canvas");
    canvas.width = canvas.height = HATCH_PX;
    var context = canvas.getContext("2d");
    context.strokeStyle = colour || "#51626b";
    context.lineWidth = 1.5;
    context.beginPath();
    // One stroke corner to corner, and its two halves at the opposite corners, so that tiles join seamlessly.
    [[0, HATCH_PX, HATCH_PX, 0], [-1, 1, 1, -1], [HATCH_PX - 1, HATCH_PX + 1, HATCH_PX + 1, HATCH_PX - 1]]
      .forEach(function (line) { context.moveTo(line[0], line[1]); context.lineTo(line[2], line[3]); });
    context.stroke();
    return context.getImageData(0, 0, HATCH_PX, HATCH_PX);
  }

  function addLayers(map, setup) {
    // A smaller tile buffer and a coarser per-zoom simplification than MapLibre's defaults (128, 0.375): less to
    // cut and triangulate per tile, which draws the first map about 15 % sooner at 2,000 districts (bench/).
    // Borders that simplify a little differently on each side stay under the 1.2-pixel white outline.
    map.addSource(SHAPES, { type: "geojson", data: empty(), buffer: 32, tolerance: 0.75 });
    map.addSource(CHOSEN, { type: "geojson", data: empty() });
    map.addSource(FOCUS, { type: "geojson", data: empty() });
    map.addSource(NAMES, { type: "geojson", data: empty() });
    var drawn = ["to-boolean", ["feature-state", "fill"]];
    map.addLayer({ id: "district-fill", type: "fill", source: SHAPES,
      paint: { "fill-color": ["coalesce", ["feature-state", "fill"], NONE], "fill-opacity": 0.95 } });
    // fill-pattern cannot follow feature-state, so the hatch covers every shape and only its opacity follows it.
    map.addImage(HATCH, hatchImage(setup.missingHatch));
    map.addLayer({ id: "district-missing", type: "fill", source: SHAPES,
      paint: { "fill-pattern": HATCH, "fill-opacity": ["case", ["to-boolean", ["feature-state", "missing"]], 1, 0] } });
    map.addLayer({ id: "district-line", type: "line", source: SHAPES,
      paint: { "line-color": "#ffffff", "line-width": 1.2, "line-opacity": ["case", drawn, 1, 0] } });
    // The chosen districts' outlines: a source of their own with one or two shapes, not a state on all of them.
    // Each outline lies on a white band inside a dark one, so it stands out on every fill (WCAG technique C40);
    // the second chosen district's is dashed, so the two differ without colour too.
    var casing = setup.chosenCasing || ["#ffffff", "#1b2a33"];
    var colours = setup.chosenColours || ["#0072b2", "#cc3311"];
    var second = ["==", ["get", "order"], 2];
    map.addLayer({ id: "district-chosen-casing", type: "line", source: CHOSEN,
      paint: { "line-color": casing[1], "line-width": 9 } });
    map.addLayer({ id: "district-chosen-band", type: "line", source: CHOSEN,
      paint: { "line-color": casing[0], "line-width": 6.5 } });
    map.addLayer({ id: "district-chosen", type: "line", source: CHOSEN, filter: ["!", second],
      paint: { "line-color": colours[0], "line-width": 3.5 } });
    map.addLayer({ id: "district-chosen-second", type: "line", source: CHOSEN, filter: second,
      paint: { "line-color": colours[1], "line-width": 3.5, "line-dasharray": [2, 1] } });
    // The keyboard's district: dark on a white casing, so it shows on every fill and on the sea; thinner than the
    // chosen outlines and with no colour of theirs, so the two never look alike.
    map.addLayer({ id: "district-focus-casing", type: "line", source: FOCUS,
      paint: { "line-color": "#ffffff", "line-width": 7 } });
    map.addLayer({ id: "district-focus", type: "line", source: FOCUS,
      paint: { "line-color": "#1b2a33", "line-width": 3 } });
    map.addLayer({ id: "district-names", type: "symbol", source: NAMES,
      minzoom: namesMinZoom(map, setup.names.length),
      layout: { "text-field": ["get", "name"], "text-font": [setup.font], "text-size": 12, "text-max-width": 8,
                "text-padding": 2 },
      // Dark names with a light halo read on every fill and on the sea, and never change with the figures, so a
      // recolouring leaves the names' buffers alone.
      paint: { "text-color": "#1b2a33", "text-halo-color": "rgba(255,255,255,0.85)", "text-halo-width": 1.2 } });
  }

  // The names of the shapes drawn this year. Only a boundary change alters the set, so this rarely runs.
  function showNames(state, scene) {
    var shown = [];
    scene.fill.forEach(function (fill, shape) { if (fill !== null) shown.push(shape); });
    var key = shown.join(",");
    if (key === state.shownKey) return;
    state.shownKey = key;
    var names = state.setup.names;
    state.map.getSource(NAMES).setData({
      type: "FeatureCollection",
      features: shown.map(function (shape) {
        var name = names[shape];
        return { type: "Feature", id: shape, properties: { name: name.name },
                 geometry: { type: "Point", coordinates: [name.lon, name.lat] } };
      })
    });
  }

  function showChosen(state) {
    if (!state.collection || !state.scene) return;
    var chosen = [];
    state.scene.chosen.forEach(function (order, shape) { if (order) chosen.push([shape, order === 2 ? 2 : 1]); });
    var key = chosen.join(";");
    if (key === state.chosenKey) return;
    state.chosenKey = key;
    var features = state.collection.features;
    state.map.getSource(CHOSEN).setData({
      type: "FeatureCollection", features: chosen.map(function (pair) {
        var feature = features[pair[0]];
        return { type: "Feature", id: pair[0], geometry: feature.geometry, properties: { order: pair[1] } };
      })
    });
  }

  function apply(state, scene) {
    var map = state.map, before = state.scene;
    for (var shape = 0; shape < scene.fill.length; shape++) {
      var fill = scene.fill[shape], missing = Boolean(scene.missing && scene.missing[shape]);
      if (!before || before.fill[shape] !== fill || Boolean(before.missing && before.missing[shape]) !== missing) {
        map.setFeatureState({ source: SHAPES, id: shape }, { fill: fill, missing: missing });
      }
    }
    showNames(state, scene);
    state.scene = scene;
    showChosen(state);
    keepFocusDrawn(state);
    map.once("idle", function () { performance.mark("map-updated"); });
    map.triggerRepaint();
  }

  function tipNode(lines) {
    var box = document.createElement("div");
    box.className = "map-tip";
    lines.forEach(function (line) {
      if (!line[0]) return;
      var row = document.createElement(line[1] ? "strong" : "div");
      row.textContent = line[0];
      box.appendChild(row);
      if (line[1]) box.appendChild(document.createElement("br"));
    });
    return box;
  }

  // The drawn shape under the pointer: shapes of other years lie there too, invisibly.
  function shapeAt(state, event) {
    var features = event.features || [];
    for (var i = 0; i < features.length; i++) {
      var shape = features[i].id;
      if (state.scene && state.scene.fill[shape] !== null && state.scene.fill[shape] !== undefined) return shape;
    }
    return null;
  }

  function fit(state) {
    state.map.fitBounds(state.setup.bounds, { padding: 12, animate: false });
  }

  // Said in the map's box when it cannot draw (no WebGL, or the shapes did not load): the rest of the page works.
  function fail(container, setup, error) {
    if (window.console) console.error("DistrictMap: " + (error && error.message ? error.message : error));
    if (container.querySelector(".map-failed")) return;
    var note = document.createElement("p");
    note.className = "map-failed";
    note.setAttribute("role", "alert");
    note.textContent = (setup.texts || {}).map_failed || "The map could not be shown.";
    container.appendChild(note);
  }

  function create(container, setup) {
    var map;
    try {
      map = makeMap(container, setup);
    } catch (error) {
      fail(container, setup, error);
      return null;
    }
    return track(container, setup, map);
  }

  function makeMap(container, setup) {
    var texts = setup.texts || {};
    var requested = [];
    var map = new window.maplibregl.Map({
      // Every URL the map fetches (its workers' too) passes here, so the page can show it asks this origin only.
      transformRequest: function (url) { requested.push(url); return { url: url }; },
      container: container,
      style: style(setup),
      bounds: setup.bounds,
      fitBoundsOptions: { padding: 12 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      renderWorldCopies: false,
      fadeDuration: 0,  // names appear at once: no fading frames to draw after each update
      maxZoom: 16,
      locale: {
        "Map.Title": texts.map_title, "NavigationControl.ZoomIn": texts.map_zoom_in,
        "NavigationControl.ZoomOut": texts.map_zoom_out, "CooperativeGesturesHandler.MobileHelpText": texts.map_two_fingers,
        "CooperativeGesturesHandler.WindowsHelpText": texts.map_ctrl_scroll,
        "CooperativeGesturesHandler.MacHelpText": texts.map_cmd_scroll
      }
    });
    map.requested = requested;
    map.touchZoomRotate.disableRotation();
    map.addControl(new window.maplibregl.NavigationControl({ showCompass: false }), "top-right");
    // On a touch screen one finger scrolls the page past the map; two move the map.
    if (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) map.cooperativeGestures.enable();
    return map;
  }

  // --- The keyboard: a district at a time -------------------------------------------------------------------------

  function isDrawn(state, shape) {
    var fill = state.scene && state.scene.fill[shape];
    return fill !== null && fill !== undefined;
  }

  function drawnShapes(state) {
    var shapes = [];
    if (state.scene) state.scene.fill.forEach(function (fill, shape) { if (fill !== null) shapes.push(shape); });
    return shapes;
  }

  // Where the keyboard starts: the chosen district, else the one last picked, else the first by name (the order
  // of the table's name column), so a reader always starts from a district they can find in the table.
  function startShape(state) {
    var chosen = state.scene ? state.scene.chosen.findIndex(function (order) { return order === 1 || order === true; })
      : -1;
    if (chosen >= 0 && isDrawn(state, chosen)) return chosen;
    if (state.picked !== null && isDrawn(state, state.picked)) return state.picked;
    var names = state.setup.names;
    var shapes = drawnShapes(state).sort(function (a, b) { return names[a].name.localeCompare(names[b].name, "da"); });
    return shapes.length ? shapes[0] : null;
  }

  function screenPoint(state, shape) {
    var name = state.setup.names[shape];
    return state.map.project([name.lon, name.lat]);
  }

  // The best of ``shapes`` to move to from ``from`` along ``arrow`` (a unit vector on screen): only those whose
  // turn from the arrow has a cosine of at least ``turn``; of those, the one most in its direction, or for
  // ``nearest`` the nearest, with a wider turn making a shape count as farther.
  function bestToward(state, from, shapes, arrow, nearest, turn) {
    var origin = screenPoint(state, from), best = null, bestScore = Infinity;
    shapes.forEach(function (shape) {
      if (shape === from || !isDrawn(state, shape)) return;
      var point = screenPoint(state, shape), dx = point.x - origin.x, dy = point.y - origin.y;
      var distance = Math.sqrt(dx * dx + dy * dy);
      if (!distance) return;
      var along = (dx * arrow[0] + dy * arrow[1]) / distance;  // the cosine of the turn
      if (along < turn) return;
      var score = nearest ? distance * (2 - along) : (1 - along) * 1e6 + distance;
      if (score < bestScore) { best = shape; bestScore = score; }
    });
    return best;
  }

  // A neighbour that way (shared border, drawn this year); for an island or an edge, the nearest district that
  // way; then a neighbour a wider turn off; else none.
  function shapeToward(state, from, arrow) {
    var neighbours = (state.setup.neighbours || [])[from] || [];
    var next = bestToward(state, from, neighbours, arrow, false, MAX_TURN);
    if (next === null) next = bestToward(state, from, drawnShapes(state), arrow, true, MAX_TURN);
    return next !== null ? next : bestToward(state, from, neighbours, arrow, false, WIDE_TURN);
  }

  // Pan only when the focused district's name is off screen (or nearly), so the map stays where the reader put it.
  function keepInView(state, shape) {
    var point = screenPoint(state, shape), canvas = state.map.getCanvas();
    var width = canvas.clientWidth, height = canvas.clientHeight;
    if (point.x >= IN_VIEW_MARGIN && point.y >= IN_VIEW_MARGIN && point.x <= width - IN_VIEW_MARGIN &&
        point.y <= height - IN_VIEW_MARGIN) return;
    var name = state.setup.names[shape];
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    state.moved = true;  // a refit on resize would undo it
    state.map.panTo([name.lon, name.lat], { animate: !still, duration: 250 });
  }

  function outline(state, shape) {
    var source = state.map.getSource(FOCUS);
    if (!source) return;
    var feature = shape !== null && state.collection ? state.collection.features[shape] : null;
    source.setData({ type: "FeatureCollection", features: feature ? [
      { type: "Feature", id: shape, geometry: feature.geometry, properties: {} }] : [] });
  }

  function say(state, text) {
    if (text && state.handlers.announce) state.handlers.announce(text);
  }

  // The tooltip a pointer would show, at the district's name: a sighted keyboard user reads the figure, its count
  // and denominator too, not only a screen reader (which hears them from the live region).
  function showTip(state, shape) {
    if (shape === null || !state.handlers.tip) { state.popup.remove(); return; }
    var name = state.setup.names[shape];
    state.popup.setLngLat([name.lon, name.lat]).setDOMContent(tipNode(state.handlers.tip(shape))).addTo(state.map);
  }

  function focusShape(state, shape) {
    state.focused = shape;
    outline(state, shape);
    showTip(state, shape);
    if (shape === null) return;
    keepInView(state, shape);
    if (state.handlers.describe) say(state, state.handlers.describe(shape));
  }

  // After a change of year: a district redrawn with other boundaries keeps the keyboard on its new shape.
  function keepFocusDrawn(state) {
    if (state.focused === null || isDrawn(state, state.focused)) return;
    var keys = state.setup.keys, district = String(keys[state.focused]).split("@")[0];
    var same = drawnShapes(state).filter(function (shape) { return String(keys[shape]).split("@")[0] === district; });
    state.focused = same.length ? same[0] : null;
    if (document.activeElement === state.map.getCanvas()) outline(state, state.focused);
  }

  function onKey(state, event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var arrow = ARROWS[event.key], pick = event.key === "Enter" || event.key === " ";
    if (event.key === "Escape") {
      // Escape lets go of the district (the arrows pan again), unless the page used it already (a profile closed).
      if (state.focused === null || event.defaultPrevented) return;
      focusShape(state, null);
      return;
    }
    if (!arrow && !pick) return;  // +, - and the rest stay MapLibre's
    if (state.focused === null) {
      if (!pick) return;  // with no district focused the arrows pan, as before; Enter starts at a district
      event.preventDefault();
      focusShape(state, startShape(state));
      return;
    }
    // Handled here, on the canvas: MapLibre listens on its container, so these never reach its panning.
    event.preventDefault();
    event.stopPropagation();
    if (pick) {
      if (state.handlers.pick) state.handlers.pick(state.focused);
      return;
    }
    var next = shapeToward(state, state.focused, arrow);
    if (next === null) say(state, state.handlers.nothing);
    else focusShape(state, next);
  }

  function listenToKeys(state) {
    var canvas = state.map.getCanvas();
    if (state.setup.describedBy) canvas.setAttribute("aria-describedby", state.setup.describedBy);
    // A widget with keys of its own: a screen reader in browse mode (NVDA, JAWS) switches to focus mode on it and
    // passes the arrow keys through, instead of reading the page with them. MapLibre names it a "region".
    canvas.setAttribute("role", "application");
    canvas.addEventListener("keydown", function (event) { onKey(state, event); });
    // Focus by keyboard (Tab, the skip link, Escape out of a profile) lands on a district; a click does not.
    canvas.addEventListener("focus", function () {
      if (!state.ready || !state.scene) return;
      if (state.focused !== null) focusShape(state, state.focused);
      else if (canvas.matches(":focus-visible")) focusShape(state, startShape(state));
    });
    // Its outline goes with the focus; the district is kept, for when focus comes back (Escape from its profile).
    canvas.addEventListener("blur", function () { outline(state, null); showTip(state, null); });
  }

  function track(container, setup, map) {
    var state = { container: container, map: map, setup: setup, scene: null, handlers: {}, shownKey: null,
                  chosenKey: null, collection: null, moved: false, pending: null, ready: false,
                  requested: map.requested, focused: null, picked: null };
    var popup = new window.maplibregl.Popup({ closeButton: false, closeOnClick: false, maxWidth: "260px" });
    state.popup = popup;
    var shapes = fetchShapes(setup);
    map.on("load", function () {
      addLayers(map, setup);
      shapes.then(function (collection) {
        map.getSource(SHAPES).setData(collection);
        state.collection = collection;
        showChosen(state);
      })
        .catch(function (error) { fail(container, setup, error); });
      state.ready = true;
      if (state.pending) apply(state, state.pending);
      state.pending = null;
    });
    map.on("mousemove", "district-fill", function (event) {
      var shape = shapeAt(state, event);
      map.getCanvas().style.cursor = shape === null ? "" : "pointer";
      if (shape === null) { popup.remove(); return; }
      popup.setLngLat(event.lngLat).setDOMContent(tipNode(state.handlers.tip(shape))).addTo(map);
    });
    map.on("mouseleave", "district-fill", function () {
      map.getCanvas().style.cursor = "";
      popup.remove();
    });
    map.on("click", "district-fill", function (event) {
      var shape = shapeAt(state, event);
      // A click starts the keyboard afresh, at the district just chosen, the next time it comes to the map.
      if (shape !== null) { state.picked = shape; state.focused = null; outline(state, null); }
      if (shape !== null && state.handlers.pick) state.handlers.pick(shape);
    });
    listenToKeys(state);
    // The reader's own zoom and pan are kept; until they move the map, it refits when its box changes size.
    map.on("movestart", function (event) { if (event.originalEvent) state.moved = true; });
    if (window.ResizeObserver) {
      new window.ResizeObserver(function () {
        map.resize();
        if (!state.moved) fit(state);
      }).observe(container);
    }
    states.push(state);
    return state;
  }

  window.DistrictMap = {
    prepare: function (container, setup) {
      if (container && !stateOf(container)) window.DistrictMap.draw(container, setup, null, null);
    },
    draw: function (container, setup, scene, handlers) {
      if (!container) return;
      if (!window.maplibregl) { fail(container, setup, "MapLibre GL JS is not loaded"); return; }
      var state = stateOf(container) || create(container, setup);
      if (!state) return;
      if (!scene) return;
      state.handlers = handlers || {};
      if (state.ready) apply(state, scene);
      else state.pending = scene;
    },
    // What the map has drawn: {key of each rendered shape: its fill}. Shapes of other years are not drawn.
    renderedFills: function (container) {
      var state = stateOf(container);
      if (!state || !state.ready || !state.map.loaded()) return null;
      var fills = {};
      state.map.queryRenderedFeatures({ layers: ["district-fill"] }).forEach(function (feature) {
        if (feature.state && feature.state.fill) fills[state.setup.keys[feature.id]] = feature.state.fill;
      });
      return fills;
    },
    // The keys of the shapes drawn hatched now, as having no figure.
    renderedMissing: function (container) {
      var state = stateOf(container);
      if (!state || !state.ready || !state.map.loaded()) return null;
      var keys = {};  // a shape cut by tile edges comes back once per piece
      state.map.queryRenderedFeatures({ layers: ["district-missing"] }).forEach(function (feature) {
        if (feature.state && feature.state.missing) keys[state.setup.keys[feature.id]] = true;
      });
      return Object.keys(keys);
    },
    requested: function (container) {
      var state = stateOf(container);
      return state ? state.requested.slice() : [];
    },
    mapOf: function (container) {
      var state = stateOf(container);
      return state ? state.map : null;
    },
    focused: function (container) {
      var state = stateOf(container);
      return state && state.focused !== null ? state.setup.keys[state.focused] : null;
    }
  };
})();

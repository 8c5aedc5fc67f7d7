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
 *     scene    {fill: [colour or null per shape], chosen: [bool per shape]}
 *              A shape with a null fill is not drawn (not valid that year).
 *     handlers {tip(shape) -> [[text, bold], ...], pick(shape)}
 *   DistrictMap.renderedFills(container) -> {key: fill} of the shapes drawn now (setup.keys names each shape)
 *   DistrictMap.requested(container) -> every URL the map has fetched, in order
 *   DistrictMap.mapOf(container) -> the MapLibre map (for tests and benchmarks)
 * After every drawn update the page gets performance.mark("map-updated"), so any tool can time it the same way.
 */
(function () {
  "use strict";

  var SHAPES = "districts";
  var NAMES = "district-names";
  var CHOSEN = "district-chosen";
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

  function addLayers(map, setup) {
    // A smaller tile buffer and a coarser per-zoom simplification than MapLibre's defaults (128, 0.375): less to
    // cut and triangulate per tile, which draws the first map about 15 % sooner at 2,000 districts (bench/).
    // Borders that simplify a little differently on each side stay under the 1.2-pixel white outline.
    map.addSource(SHAPES, { type: "geojson", data: empty(), buffer: 32, tolerance: 0.75 });
    map.addSource(CHOSEN, { type: "geojson", data: empty() });
    map.addSource(NAMES, { type: "geojson", data: empty() });
    var drawn = ["to-boolean", ["feature-state", "fill"]];
    map.addLayer({ id: "district-fill", type: "fill", source: SHAPES,
      paint: { "fill-color": ["coalesce", ["feature-state", "fill"], NONE], "fill-opacity": 0.95 } });
    map.addLayer({ id: "district-line", type: "line", source: SHAPES,
      paint: { "line-color": "#ffffff", "line-width": 1.2, "line-opacity": ["case", drawn, 1, 0] } });
    // The chosen districts' outlines: a source of their own with one or two shapes, not a state on all of them.
    map.addLayer({ id: "district-chosen", type: "line", source: CHOSEN,
      paint: { "line-color": "#f2a900", "line-width": 4 } });
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
    state.scene.chosen.forEach(function (isChosen, shape) { if (isChosen) chosen.push(shape); });
    var key = chosen.join(",");
    if (key === state.chosenKey) return;
    state.chosenKey = key;
    var features = state.collection.features;
    state.map.getSource(CHOSEN).setData({
      type: "FeatureCollection", features: chosen.map(function (shape) { return features[shape]; })
    });
  }

  function apply(state, scene) {
    var map = state.map, before = state.scene;
    for (var shape = 0; shape < scene.fill.length; shape++) {
      var fill = scene.fill[shape];
      if (!before || before.fill[shape] !== fill) map.setFeatureState({ source: SHAPES, id: shape }, { fill: fill });
    }
    showNames(state, scene);
    state.scene = scene;
    showChosen(state);
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
      locale: { "Map.Title": texts.map_title, "CooperativeGesturesHandler.MobileHelpText": texts.map_two_fingers }
    });
    map.requested = requested;
    map.touchZoomRotate.disableRotation();
    map.addControl(new window.maplibregl.NavigationControl({ showCompass: false }), "top-right");
    // On a touch screen one finger scrolls the page past the map; two move the map.
    if (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) map.cooperativeGestures.enable();
    return map;
  }

  function track(container, setup, map) {
    var state = { container: container, map: map, setup: setup, scene: null, handlers: {}, shownKey: null,
                  chosenKey: null, collection: null, moved: false, pending: null, ready: false,
                  requested: map.requested };
    var popup = new window.maplibregl.Popup({ closeButton: false, closeOnClick: false, maxWidth: "260px" });
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
      if (shape !== null && state.handlers.pick) state.handlers.pick(shape);
    });
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
    requested: function (container) {
      var state = stateOf(container);
      return state ? state.requested.slice() : [];
    },
    mapOf: function (container) {
      var state = stateOf(container);
      return state ? state.map : null;
    }
  };
})();

/*
 * The page's language, kept in step with the language switch: <html lang> (which the server sets from ?lang= when
 * the page loads, serving/page.py) and the map's own label on its canvas, which MapLibre writes once, when the map
 * is made (ui/figure.py MAP_TEXTS). A screen reader then reads every text in the voice of its language.
 *
 * Named to load after map.js, which sets up the "distriktskort" namespace this adds to.
 */
(function () {
  "use strict";

  var contract = function () { return window.DistriktskortContract(); };  // assets/contract.js

  // The map's box, as a selector.
  function mapSelector() {
    return "#" + contract().ids.MAP_GRAPH;
  }

  function followLanguage(lang, setup) {
    if (typeof lang !== "string" || !lang) return;
    document.documentElement.lang = lang;
    var texts = setup && setup.texts && setup.texts[lang];
    var canvas = document.querySelector(mapSelector() + " canvas");
    if (texts && canvas && texts.map_title) canvas.setAttribute("aria-label", texts.map_title);
    if (texts) relabelControls(texts);
  }

  // MapLibre writes its controls' words once, when the map is made (assets/district_map.js passes them as its
  // locale); after a switch of language they are written again here, so no button speaks the old language.
  function relabelControls(texts) {
    var mac = /Mac|iPhone|iPad/.test(navigator.platform || "");
    var named = { ".maplibregl-ctrl-zoom-in": texts.map_zoom_in, ".maplibregl-ctrl-zoom-out": texts.map_zoom_out };
    Object.keys(named).forEach(function (selector) {
      document.querySelectorAll(mapSelector() + " " + selector).forEach(function (button) {
        button.setAttribute("aria-label", named[selector]);
        button.title = named[selector];
      });
    });
    var messages = { ".maplibregl-desktop-message": mac ? texts.map_cmd_scroll : texts.map_ctrl_scroll,
                     ".maplibregl-mobile-message": texts.map_two_fingers };
    Object.keys(messages).forEach(function (selector) {
      document.querySelectorAll(mapSelector() + " " + selector).forEach(function (message) {
        message.textContent = messages[selector];
      });
    });
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside);
  window.dash_clientside.distriktskort = Object.assign({}, window.dash_clientside.distriktskort, {
    followLanguage: followLanguage
  });
})();

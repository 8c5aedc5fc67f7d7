/*
 * The page's language, kept in step with the language switch: <html lang> (which the server sets from ?lang= when
 * the page loads, serving/page.py) and the map's own label on its canvas, which MapLibre writes once, when the map
 * is made (ui/figure.py MAP_TEXTS). A screen reader then reads every text in the voice of its language.
 *
 * Named to load after map.js, which sets up the "distriktskort" namespace this adds to.
 */
(function () {
  "use strict";

  function followLanguage(lang, setup) {
    if (typeof lang !== "string" || !lang) return;
    document.documentElement.lang = lang;
    var texts = setup && setup.texts && setup.texts[lang];
    var canvas = document.querySelector("#map-graph canvas");
    if (texts && canvas && texts.map_title) canvas.setAttribute("aria-label", texts.map_title);
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside);
  window.dash_clientside.distriktskort = Object.assign({}, window.dash_clientside.distriktskort, {
    followLanguage: followLanguage
  });
})();

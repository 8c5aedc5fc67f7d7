/*
 * The lesson player (/lektion?q=..., ui/lesson_page.py): one question at a time, guess first, then the answer.
 *
 * Everything comes from the page's data block (contract().ids.LESSON_DATA): the map's setup, the page's words, and
 * per question its text, answer, reveal colours and discussion prompt. The pupil's answers are kept in this page
 * only: nothing is sent anywhere and nothing is stored, so closing the tab forgets them.
 *
 * Each kind of question is an entry in KINDS (declare, then loop): what it puts below the question, whether it uses
 * the map, and what its reveal shows. The map is the app's own (assets/district_map.js): uncoloured (one plain
 * grey) until the answer, then coloured as the app colours it. The Dash page loads this script too; there it finds
 * no lesson data and does nothing.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var CHART = { width: 640, height: 320, left: 64, right: 20, top: 16, bottom: 36 };
  var CLOSE_ENOUGH = 0.1;  // a guess or a drawn line within a tenth of the figure's range counts as right
  var KEY_STEPS = 20;  // the arrow keys move a drawn figure a twentieth of the range

  function contract() { return window.DistriktskortContract(); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgElement(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }

  function Player(root, lesson) {
    this.root = root;
    this.lesson = lesson;
    this.texts = lesson.texts;
    this.answers = lesson.questions.map(function () { return null; });
    this.index = 0;
    this.build();
    this.show(0);
  }

  // A figure as the server writes it (assets/figures.js writeNumber, with the language's symbols from the server).
  Player.prototype.written = function (question, value) {
    var written = { decimals: question.decimals, suffix: question.suffix, signed: false };
    return window.DistriktskortFigures.writeNumber(value, written, this.lesson.numbers);
  };

  Player.prototype.build = function () {
    var texts = this.texts, self = this;
    this.progress = element("p", "lesson-progress");
    this.heading = element("h2", "lesson-question");
    this.heading.tabIndex = -1;
    this.mapBox = element("div", "lesson-map");
    this.chartBox = element("div", "lesson-chart-box");
    this.controls = element("div", "lesson-controls");
    this.feedback = element("div", "lesson-feedback");
    this.feedback.setAttribute("role", "status");
    this.feedback.setAttribute("aria-live", "polite");
    this.why = element("div", "lesson-why");
    this.legend = element("ul", "lesson-legend");
    var nav = element("div", "lesson-nav");
    this.previous = element("button", "lesson-button lesson-previous", texts.lesson_previous);
    this.next = element("button", "lesson-button lesson-next", texts.lesson_next);
    this.previous.type = this.next.type = "button";
    this.previous.addEventListener("click", function () { self.show(self.index - 1); });
    this.next.addEventListener("click", function () {
      if (self.index + 1 < self.lesson.questions.length) self.show(self.index + 1);
      else self.score();
    });
    nav.appendChild(this.previous);
    nav.appendChild(this.next);
    this.stage = element("div", "lesson-stage");
    [this.progress, this.heading, this.mapBox, this.chartBox, this.legend, this.controls, this.feedback, this.why,
      nav].forEach(function (node) { self.stage.appendChild(node); });
    this.root.appendChild(this.stage);
    this.end = element("div", "lesson-end");
    this.end.hidden = true;
    this.root.appendChild(this.end);
  };

  // What DistrictMap needs once per page, from the server's map setup (ui/figure.py map_setup), as map.js makes it.
  Player.prototype.mapSetup = function () {
    var setup = this.lesson.setup;
    if (!this.forMap) {
      this.forMap = {
        shapes: setup.shapes, glyphs: setup.glyphs, bounds: setup.bounds, font: setup.font,
        background: setup.background, texts: setup.texts[this.lesson.lang] || setup.texts.da,
        chosenColours: setup.chosen_colours, chosenCasing: setup.chosen_casing, missingHatch: setup.missing_hatch,
        neighbours: setup.neighbours,
        keys: setup.feature_district.map(function (district) { return setup.ids[district]; }),
        names: setup.feature_district.map(function (district, feature) {
          var point = setup.label_points[feature];
          return { name: setup.names[district], lon: point[0], lat: point[1] };
        })
      };
    }
    return this.forMap;
  };

  Player.prototype.drawMap = function (question, answer) {
    var self = this, setup = this.lesson.setup;
    var revealed = answer !== null, kind = KINDS[question.kind];
    var scene = {
      fill: revealed ? question.reveal : question.blank,
      chosen: kind.chosen ? kind.chosen(setup, answer) : question.chosen,
      missing: revealed ? question.no_figure : question.no_figure.map(function () { return false; })
    };
    var nameOf = function (shape) { return setup.names[setup.feature_district[shape]]; };
    window.DistrictMap.draw(this.mapBox, this.mapSetup(), scene, {
      tip: function (shape) { return [[nameOf(shape), true]]; },
      describe: nameOf,
      announce: function (text) { self.say(text); },
      nothing: this.mapSetup().texts.map_nothing_that_way,
      pick: function (shape) {
        var current = self.lesson.questions[self.index], picks = KINDS[current.kind].picks;
        if (!picks || self.answers[self.index] !== null) return;  // the map answers only a question asked of it
        self.answer(picks(current, setup.ids[setup.feature_district[shape]]));
      }
    });
  };

  Player.prototype.say = function (text) {
    if (!this.announcer) {
      this.announcer = element("p", "lesson-announce");
      this.announcer.setAttribute("aria-live", "polite");
      this.root.appendChild(this.announcer);
    }
    this.announcer.textContent = text;
  };

  Player.prototype.answer = function (answer) {
    this.answers[this.index] = answer;
    this.show(this.index, true);
    // The control answered with is gone; the map keeps its focus, so the keyboard can look round the answer.
    if (!this.mapBox.contains(document.activeElement)) this.next.focus();
  };

  Player.prototype.show = function (index, keepFocus) {
    var question = this.lesson.questions[index], answer = this.answers[index], kind = KINDS[question.kind];
    var texts = this.texts, count = this.lesson.questions.length;
    this.index = index;
    this.end.hidden = true;
    this.stage.hidden = false;
    this.progress.textContent = fill(texts.lesson_question_of, { number: index + 1, count: count }) + " · " +
      question.kind_name;
    this.heading.textContent = question.text;
    this.controls.textContent = "";
    this.feedback.textContent = "";
    this.why.textContent = "";
    this.legend.textContent = "";
    this.mapBox.hidden = !kind.map;
    this.chartBox.hidden = kind.map;
    if (kind.map) this.drawMap(question, answer);
    kind.ask(this, question, answer);
    if (answer !== null) this.reveal(question, answer, kind);
    this.previous.disabled = index === 0;
    this.next.textContent = index + 1 < count ? texts.lesson_next : texts.lesson_finish;
    if (!keepFocus) this.heading.focus();
  };

  Player.prototype.reveal = function (question, answer, kind) {
    var self = this, texts = this.texts;
    var verdict = element("p", "lesson-verdict " + (answer.right ? "lesson-verdict-right" : "lesson-verdict-wrong"),
      answer.right ? texts.lesson_right : texts.lesson_wrong);
    this.feedback.appendChild(verdict);
    kind.reveal(this, question, answer).forEach(function (line) { self.feedback.appendChild(element("p", "", line)); });
    this.feedback.appendChild(element("p", "lesson-answer", question.answer_words));
    this.feedback.appendChild(element("p", "lesson-sentence", question.sentence));
    if (kind.map) {
      question.legend.forEach(function (item) {
        var row = element("li"), swatch = element("span", "lesson-swatch");
        swatch.style.background = item[0];
        row.appendChild(swatch);
        row.appendChild(document.createTextNode(item[1]));
        self.legend.appendChild(row);
      });
    }
    this.why.appendChild(element("h3", "", texts.lesson_why));
    this.why.appendChild(element("p", "", question.prompt));
  };

  Player.prototype.score = function () {
    var self = this, texts = this.texts;
    var right = this.answers.filter(function (answer) { return answer && answer.right; }).length;
    this.stage.hidden = true;
    this.end.hidden = false;
    this.end.textContent = "";
    var heading = element("h2", "lesson-score",
      fill(texts.lesson_score, { right: right, count: this.lesson.questions.length }));
    heading.tabIndex = -1;
    this.end.appendChild(heading);
    var list = element("ol", "lesson-results");
    this.lesson.questions.forEach(function (question, index) {
      var answer = self.answers[index];
      var mark = answer && answer.right ? "✓ " : "✗ ";
      list.appendChild(element("li", "", mark + question.text));
    });
    this.end.appendChild(list);
    var again = element("button", "lesson-button lesson-again", texts.lesson_again);
    again.type = "button";
    again.addEventListener("click", function () {
      self.answers = self.answers.map(function () { return null; });
      self.show(0);
    });
    this.end.appendChild(again);
    heading.focus();
  };

  function button(text, className, onClick) {
    var node = element("button", "lesson-button " + className, text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  // The chart a "draw" question is drawn on: years across, the figure's range up, the pupil's line and the real one.
  function Chart(player, question, answer) {
    var self = this, years = player.lesson.years;
    this.player = player;
    this.question = question;
    this.values = answer ? answer.response.slice() : years.map(function () { return null; });
    this.focus = 0;
    var plotWidth = CHART.width - CHART.left - CHART.right, plotHeight = CHART.height - CHART.top - CHART.bottom;
    this.x = function (index) { return CHART.left + index * plotWidth / Math.max(years.length - 1, 1); };
    this.y = function (value) {
      return CHART.top + (question.high - value) / ((question.high - question.low) || 1) * plotHeight;
    };
    this.valueAt = function (y) {
      var value = question.high - (y - CHART.top) / plotHeight * (question.high - question.low);
      return Math.min(question.high, Math.max(question.low, value));
    };
    var svg = svgElement("svg", { viewBox: "0 0 " + CHART.width + " " + CHART.height, "class": "lesson-chart",
      role: "application", "aria-label": player.texts.lesson_chart_label, tabindex: answer ? "-1" : "0" });
    [question.low, (question.low + question.high) / 2, question.high].forEach(function (value) {
      svg.appendChild(svgElement("line", { x1: CHART.left, x2: CHART.width - CHART.right, y1: self.y(value),
        y2: self.y(value), "class": "lesson-grid" }));
      var label = svgElement("text", { x: CHART.left - 6, y: self.y(value) + 4, "text-anchor": "end" });
      label.textContent = player.written(question, value);
      svg.appendChild(label);
    });
    years.forEach(function (year, index) {
      var label = svgElement("text", { x: self.x(index), y: CHART.height - 10, "text-anchor": "middle" });
      label.textContent = year;
      svg.appendChild(label);
    });
    this.own = svgElement("path", { "class": "lesson-line-own" });
    this.real = svgElement("path", { "class": "lesson-line-real" });
    this.marker = svgElement("circle", { r: 7, "class": "lesson-marker" });
    svg.appendChild(this.own);
    svg.appendChild(this.real);
    svg.appendChild(this.marker);
    this.svg = svg;
    if (!answer) this.listen();
    this.redraw(answer ? question.answer : null);
  }

  Chart.prototype.path = function (values) {
    var self = this, text = "", open = false;
    values.forEach(function (value, index) {
      if (value === null || value === undefined) { open = false; return; }
      text += (open ? " L " : " M ") + self.x(index).toFixed(1) + " " + self.y(value).toFixed(1);
      open = true;
    });
    return text.trim();
  };

  Chart.prototype.redraw = function (real) {
    this.own.setAttribute("d", this.path(this.values));
    this.real.setAttribute("d", real ? this.path(real) : "");
    var value = this.values[this.focus];
    this.marker.setAttribute("cx", this.x(this.focus));
    this.marker.setAttribute("cy", this.y(value === null ? (this.question.low + this.question.high) / 2 : value));
  };

  Chart.prototype.set = function (index, value) {
    this.values[index] = value;
    this.focus = index;
    this.redraw(null);
  };

  Chart.prototype.listen = function () {
    var self = this, svg = this.svg, last = null, drawing = false;
    var point = function (event) {
      var box = svg.getBoundingClientRect(), scale = CHART.width / box.width;
      var x = (event.clientX - box.left) * scale, y = (event.clientY - box.top) * scale;
      var step = (self.x(1) - self.x(0)) || 1;
      var index = Math.max(0, Math.min(self.values.length - 1, Math.round((x - CHART.left) / step)));
      var value = self.valueAt(y);
      // A quick stroke skips years: the ones between are drawn on the straight line across.
      if (last && Math.abs(index - last.index) > 1) {
        var direction = index > last.index ? 1 : -1;
        for (var between = last.index + direction; between !== index; between += direction) {
          var share = (between - last.index) / (index - last.index);
          self.values[between] = last.value + share * (value - last.value);
        }
      }
      last = { index: index, value: value };
      self.set(index, value);
    };
    svg.addEventListener("pointerdown", function (event) {
      drawing = true;
      last = null;
      if (svg.setPointerCapture) svg.setPointerCapture(event.pointerId);
      point(event);
      event.preventDefault();
    });
    svg.addEventListener("pointermove", function (event) { if (drawing) point(event); });
    ["pointerup", "pointercancel"].forEach(function (name) {
      svg.addEventListener(name, function () { drawing = false; });
    });
    svg.addEventListener("keydown", function (event) {
      var question = self.question, index = self.focus, value = self.values[index];
      var step = (question.high - question.low) / KEY_STEPS;
      if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        index = Math.max(0, Math.min(self.values.length - 1, index + (event.key === "ArrowLeft" ? -1 : 1)));
        self.focus = index;
        self.redraw(null);
      } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
        value = value === null ? (question.low + question.high) / 2 : value;
        value = Math.min(question.high, Math.max(question.low, value + (event.key === "ArrowUp" ? step : -step)));
        self.set(index, value);
      } else {
        return;
      }
      event.preventDefault();
      var shown = self.values[self.focus];
      self.player.say(self.player.lesson.years[self.focus] + ": " +
        (shown === null ? "–" : self.player.written(question, shown)));
    });
  };

  // How close a drawn line is: the mean distance from the real figures, over the years both have.
  function drawnRight(question, values) {
    var distances = [];
    values.forEach(function (value, index) {
      var real = question.answer[index];
      if (value !== null && real !== null) distances.push(Math.abs(value - real));
    });
    if (distances.length < 2) return false;
    var mean = distances.reduce(function (sum, distance) { return sum + distance; }, 0) / distances.length;
    return mean <= CLOSE_ENOUGH * (question.high - question.low);
  }

  var KINDS = {
    most: {
      map: true,
      // The pupil's answer is a district picked on the map; its outline stays on it once picked.
      picks: function (question, id) { return { response: id, right: question.answer.indexOf(id) >= 0 }; },
      chosen: function (setup, answer) {
        var picked = answer ? answer.response : null;
        return setup.feature_district.map(function (district) { return setup.ids[district] === picked ? 1 : 0; });
      },
      ask: function (player, question, answer) {
        if (!answer) player.controls.appendChild(element("p", "lesson-hint", player.texts.lesson_most_hint));
      },
      reveal: function (player, question, answer) {
        var setup = player.lesson.setup, district = setup.ids.indexOf(answer.response);
        return [fill(player.texts.lesson_you_picked, { district: setup.names[district] })];
      }
    },
    rise_fall: {
      map: true,
      ask: function (player, question, answer) {
        [["rise", player.texts.lesson_rise], ["fall", player.texts.lesson_fall]].forEach(function (choice) {
          var node = button(choice[1], "lesson-choice", function () {
            player.answer({ response: choice[0], right: choice[0] === question.answer[0] });
          });
          node.setAttribute("data-choice", choice[0]);
          node.disabled = answer !== null;
          if (answer && answer.response === choice[0]) node.setAttribute("aria-pressed", "true");
          player.controls.appendChild(node);
        });
      },
      reveal: function () { return []; }
    },
    guess: {
      map: true,
      ask: function (player, question, answer) {
        var label = element("label", "lesson-guess");
        var slider = element("input", "lesson-slider");
        var output = element("output", "lesson-guess-value");
        slider.type = "range";
        slider.min = question.low;
        slider.max = question.high;
        slider.step = Math.pow(10, -question.decimals);
        slider.value = answer ? answer.response : (question.low + question.high) / 2;
        slider.disabled = answer !== null;
        var update = function () { output.textContent = player.written(question, Number(slider.value)); };
        slider.addEventListener("input", update);
        update();
        label.appendChild(document.createTextNode(player.texts.lesson_guess_label + " "));
        label.appendChild(slider);
        player.controls.appendChild(label);
        player.controls.appendChild(output);
        if (!answer) {
          player.controls.appendChild(button(player.texts.lesson_check, "lesson-check", function () {
            var guess = Number(slider.value), off = Math.abs(guess - question.answer[0]);
            player.answer({ response: guess, right: off <= CLOSE_ENOUGH * (question.high - question.low) });
          }));
        }
      },
      reveal: function (player, question, answer) {
        var off = Math.abs(answer.response - question.answer[0]);
        return [fill(player.texts.lesson_guess_off, { answer: player.written(question, question.answer[0]),
          off: player.written(question, off) })];
      }
    },
    draw: {
      map: false,
      ask: function (player, question, answer) {
        player.chartBox.textContent = "";
        var chart = new Chart(player, question, answer);
        player.chartBox.appendChild(chart.svg);
        if (answer) return;
        player.controls.appendChild(element("p", "lesson-hint", player.texts.lesson_draw_hint));
        player.controls.appendChild(button(player.texts.lesson_check, "lesson-check", function () {
          player.answer({ response: chart.values.slice(), right: drawnRight(question, chart.values) });
        }));
      },
      reveal: function (player) {
        [["lesson-swatch-own", player.texts.lesson_your_line], ["lesson-swatch-real", player.texts.lesson_real_line]]
          .forEach(function (item) {
            var row = element("li");
            row.appendChild(element("span", "lesson-swatch " + item[0]));
            row.appendChild(document.createTextNode(item[1]));
            player.legend.appendChild(row);
          });
        return [player.texts.lesson_draw_done];
      }
    }
  };

  function start() {
    var data, root;
    try {
      data = document.getElementById(contract().ids.LESSON_DATA);
      root = document.getElementById(contract().ids.LESSON);
    } catch (error) {
      return;  // a page with no contract is not a lesson page
    }
    if (!data || !root) return;
    window.DistriktskortLesson = new Player(root, JSON.parse(data.textContent));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

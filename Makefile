# Distriktskort. `make help` lists the commands.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8050
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt
# The Python folders whose docstring examples run as tests too.
DOCTESTED := layers geo stats data importer insight view lessons ui tools exports serving

.DEFAULT_GOAL := help
.PHONY: help install run serve serve-gunicorn test lint format demo browser nginx glyphs clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-15s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt constraints.txt | $(BIN)/python
	$(PIP) -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PIP) -r requirements-test.txt
	@touch $@

install: $(VENV)/.installed ## create .venv when missing and install requirements.txt into it

run: install ## install, then serve the demo at http://127.0.0.1:8050 (HOST=, PORT= to change)
	$(BIN)/python app.py --host $(HOST) --port $(PORT)

serve: install nginx ## serve as in production: nginx on HOST:PORT in front of gunicorn (tools/serve.py; config in .run/)
	$(BIN)/python -m tools.serve --host $(HOST) --port $(PORT)

serve-gunicorn: install ## serve with gunicorn alone, for development (gunicorn.conf.py: 2 workers × 4 threads, debug off)
	$(BIN)/gunicorn --bind $(HOST):$(PORT) app:server

browser: ## install Debian's chromium and chromium-driver when missing (apt-get, as root)
	@tools/ensure-debian.sh "The browser tests" "chromium chromedriver" chromium chromium-driver

nginx: ## install Debian's nginx-light when missing (apt-get, as root), for make serve and the serving tests
	@tools/ensure-debian.sh "make serve and the serving tests" "/usr/sbin/nginx" nginx-light

test: $(VENV)/.installed-test browser nginx ## install what the tests need, then lint and run every test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest --headless --doctest-modules $(DOCTESTED) tests; status=$$?; \
	  if [[ $$status -eq 5 ]]; then echo "pytest collected no tests" >&2; fi; exit $$status

lint: $(VENV)/.installed-test ## check format, lint and import order with ruff
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(VENV)/.installed-test ## format the code with ruff
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

demo: install ## regenerate the embedded demo dataset in data/demo
	$(BIN)/python -m data.make_demo

glyphs: install ## rebuild the map's label font in assets/glyphs (from Debian's fonts-dejavu-core)
	$(PIP) freetype-py==2.5.1
	$(BIN)/python tools/build_glyphs.py

clean: ## remove .venv, caches and the run folder .run
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .run

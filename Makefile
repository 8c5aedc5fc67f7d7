# Distriktskort. `make help` lists the commands.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8050
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt
# The Python folders whose docstring examples run as tests too.
DOCTESTED := layers geo stats data importer ui tools insight exports serving

.DEFAULT_GOAL := help
.PHONY: help install run serve test lint format demo browser glyphs clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-8s %s\n", $$1, $$2}'

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

serve: install ## serve with gunicorn (gunicorn.conf.py: 2 workers × 4 threads, debug off; HOST=, PORT=, DISTRIKTSKORT_DATASET=)
	$(BIN)/gunicorn --bind $(HOST):$(PORT) app:server

browser: ## install Debian's chromium and chromium-driver when missing (apt-get, as root)
	@tools/ensure-chromium.sh

test: $(VENV)/.installed-test browser ## install what the tests need, then lint and run every test
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

clean: ## remove .venv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

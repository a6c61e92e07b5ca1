# The task runner. A newcomer needs two targets: `make serve` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
# Compiled Python is kept (a build is a fresh process), but out of the source tree.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/.venv/pycache


.PHONY: test-js bench-widget bench-lighthouse
.PHONY: package
.PHONY: help serve build test lint format typecheck unit bench bench-build bench-engine \
        update-baselines screenshots catalog schema golden golden-check clean

help:
	@echo "make serve   install everything, build the site and serve it on http://127.0.0.1:8000"
	@echo "make test    install everything (Chromium too), then lint, type-check and run all tests"
	@echo "make build   build the site into site/"
	@echo "make package build the site, then pack the widget as an npm tarball into dist/ (self-hosting)"
	@echo "make bench   run the benchmarks (bench-build, bench-engine, bench-widget, bench-lighthouse)"
	@echo "make catalog regenerate hipcore/data/catalog.json and content/schema/ from content/"
	@echo "make golden  regenerate the engine's golden replies (tests/engine/golden/) and show what changed"
	@echo "make golden-check  list golden replies the engine no longer gives (exit 1 if any)"
	@echo "make update-baselines  re-take the figure baseline screenshots on purpose"
	@echo "make screenshots  a picture of every widget state, phone and desktop, light and dark, in build/screenshots/"
	@echo "make clean   remove the venv, node_modules and built files"

# --- set-up: each step re-runs only when its inputs change ---------------------------------
$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null

.PHONY: deps deps-test
deps: $(VENV)/.installed node_modules/.installed
deps-test: $(VENV)/.installed-test node_modules/.installed $(CHROMIUM)

# --- the two commands -----------------------------------------------------------------------
serve: deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: deps-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(MAKE) --no-print-directory test-js
	$(BIN)/pytest

# The widget's JavaScript: JSDoc types (tsc --checkJs, tsconfig.json) and node:test unit tests.
test-js: node_modules/.installed
	npx --no-install tsc -p tsconfig.json
	node --test tests/widget/

# --- the rest -------------------------------------------------------------------------------
build: deps
	$(BIN)/mkdocs build --clean

# The widget's versioned folder is an npm package (the build writes its package.json and README.md).
package: build
	mkdir -p dist
	cd "$$($(BIN)/python -c 'from site_plugins.bundle import current_bundle as c; from pathlib import Path; print(c(Path("site/assets/hipguide")))')" \
	  && npm pack --ignore-scripts --pack-destination $(CURDIR)/dist

lint: deps-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: deps-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: deps-test
	$(BIN)/mypy

unit: deps-test
	$(BIN)/pytest -m "not browser and not pyodide"

catalog: deps
	$(BIN)/python -m site_plugins.hipguide.export

golden: deps-test
	$(BIN)/python -m tests.engine.golden --update
	git diff --stat -- tests/engine/golden/

golden-check: deps-test
	$(BIN)/python -m tests.engine.golden --check

bench: bench-build bench-engine bench-widget bench-lighthouse

bench-build: deps-test
	$(BIN)/python bench/build.py

bench-engine: deps-test
	$(BIN)/python bench/engine.py

bench-widget: deps-test
	$(BIN)/python bench/widget.py

# Lighthouse (npm) on every kind of page, mobile and desktop, against plain mkdocs-material.
bench-lighthouse: deps-test
	$(BIN)/python bench/lighthouse.py

# Pictures for people to look at (the best go to docs/img/widget/): not a test, so `make test`
# does not collect them.
screenshots: deps-test
	$(BIN)/pytest tests/browser/test_widget.py -k screenshots --widget-screenshots=build/screenshots -q

update-baselines: deps-test
	$(BIN)/pytest tests/browser/test_figures_visual.py --update-baselines

clean:
	rm -rf $(VENV) node_modules site dist .pytest_cache .mypy_cache .ruff_cache

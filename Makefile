# Two entry points: `make serve` sets up and serves the site; `make test` sets up and runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup serve build check test test-unit test-links test-browser browser lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: setup
	$(BIN)/mkdocs serve --livereload

# Build into a scratch folder and swap it in only on success, so a failed build leaves site/ as it was.
build: setup
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --site-dir .site-new || { rm -rf .site-new; exit 1; }
	rm -rf site && mv .site-new site
	chmod -R a+rX site

# The quick data check for editors: validates data/ without building the site.
check: setup
	$(BIN)/python -m serbia_nato.check

browser:
	@bash scripts/ensure-chromium.sh

lint: setup
	$(BIN)/ruff check hooks tests scripts bench
	$(BIN)/mypy hooks

test-unit: setup
	$(BIN)/python -m pytest -m "not browser"

test-links: build
	$(BIN)/python scripts/check_links.py site

test-browser: build browser
	$(BIN)/python -m pytest -m browser

test: setup browser lint build test-unit test-links test-browser
	@echo "All checks passed."

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf site .site-new $(VENV)

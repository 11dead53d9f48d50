# Does Azerbaijan support Russia or Ukraine? -- build and test the site.
# Every target sets up .venv on first use; `make help` lists them.

PYTHON     ?= python3
VENV       := .venv
BIN        := $(VENV)/bin
STAMP      := $(VENV)/.installed
LOCK       := requirements.lock
SPHINXOPTS ?= -n -W --keep-going
DOCS       := docs
BUILD      := $(DOCS)/_build

.DEFAULT_GOAL := help
.PHONY: help html live clean linkcheck test lint stale urls bench screenshots lock release-check

## help       list the targets
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

# The virtual environment is rebuilt only when the project or the lock file changes.
$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed; set PYTHON=python3.x")'
	@echo "Setting up $(VENV) from $(LOCK): about a minute the first time, seconds after."
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

## html       build the site into docs/_build/html (nitpicky, warnings are errors)
html: $(STAMP)
	$(BIN)/sphinx-build -M html $(DOCS) $(BUILD) $(SPHINXOPTS)

## live       rebuild and reload in the browser while editing pages or data
live: $(STAMP)
	$(BIN)/sphinx-autobuild $(DOCS) $(BUILD)/html -d $(BUILD)/doctrees $(SPHINXOPTS) \
		--watch src/facts --ignore '*/_build/*'

## test       run the whole test suite (data, extension, full builds, lint)
test: $(STAMP)
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory lint

## lint       ruff and mypy (strict for src/facts)
lint: $(STAMP)
	$(BIN)/ruff check src tests tools docs/conf.py
	$(BIN)/mypy

## stale      list facts past their review date; exits 1 if there are any
stale: $(STAMP)
	$(BIN)/python -m facts.stale

## urls       add the URLs of a fresh build to docs/stable-urls.txt (never removes any)
urls: html
	$(BIN)/python -m facts.urls $(BUILD)/html $(DOCS)/stable-urls.txt

## bench      time clean, no-op and one-fact builds against plain Sphinx, and the tests
bench: $(STAMP)
	$(BIN)/python tools/bench.py

## screenshots  the README's PNGs (light, dark, phone), into docs/_screenshots
screenshots: html
	$(BIN)/python tools/screenshots.py $(BUILD)/html docs/_screenshots

## linkcheck  check every external link (needs the network; not part of `make test`)
linkcheck: $(STAMP)
	@$(BIN)/python -c 'import socket; socket.create_connection(("en.wikipedia.org", 443), timeout=5)' \
		2>/dev/null || { echo "linkcheck needs the network, and en.wikipedia.org:443 cannot be reached."; exit 1; }
	$(BIN)/sphinx-build -M linkcheck $(DOCS) $(BUILD) $(SPHINXOPTS)

## lock       re-resolve requirements.lock (and its docs part) from pyproject.toml
lock:
	rm -rf $(VENV)-lock && $(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install --quiet --disable-pip-version-check '.[test,dev]'
	{ echo "# Exact versions for .venv and Read the Docs; regenerate with 'make lock'."; \
	  $(VENV)-lock/bin/python -m pip freeze --exclude-editable | grep -v '^azerbaijan-russia-ukraine'; \
	} > $(LOCK)
	$(VENV)-lock/bin/python tools/docslock.py
	rm -rf $(VENV)-lock

## release-check  before tagging: version, data record, URL contract and corrections agree
release-check: html
	$(BIN)/python tools/release_check.py $(BUILD)/html

## clean      remove build output (keeps .venv)
clean:
	rm -rf $(BUILD)

# `make` sets up .venv and builds source/ into output/; `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: all build test setup clean
all: build

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

setup: $(VENV)/.installed
	@tools/system-deps.sh build
	@$(PY) -m compileall -q kitap  # .pyc files now, as pip does for installed packages: each run starts faster

build: setup
	$(PY) build.py --source source --output output

test: $(VENV)/.installed-test
	@tools/system-deps.sh test
	@tools/node-deps.sh
	@$(PY) -m compileall -q kitap
	$(PY) -m pytest

clean:
	rm -rf output .pytest_cache

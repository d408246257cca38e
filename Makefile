# One command from a fresh clone to JupyterLab (`make lab`) or a green test run (`make test`).
# Each target sets up .venv first, and only reinstalls when a requirements file changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PACKAGE := $(wildcard newstext/*.py newstext/*/*.py)
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
HANDOUTS := $(patsubst notebooks/%.ipynb,build/%.html,$(NOTEBOOKS))
# Jupyter refuses to run as root (containers, CI) unless told it may. Each kernel gets its own
# CurveZMQ keys, as newstext.course.runner gives the kernels of `make run` and `make bench`, so
# ipykernel 7 has no "Kernel is running over TCP without encryption" warning to print (only
# when pyzmq has CurveZMQ, as the package index's wheels do; set when the recipe runs, after
# .venv exists).
CURVE = $(shell $(BIN)/python -c "import zmq; print(zmq.has('curve'))" 2>/dev/null)
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,) \
	$(if $(filter True,$(CURVE)),--MappingKernelManager.transport_encryption=auto,)

.PHONY: help install lab test run editions bench test-browser clean

help:
	@echo "make lab       set up .venv and open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make test      set up .venv and run the whole test suite (notebooks included)"
	@echo "make run       execute every notebook; HTML handouts in build/, data in data/processed/"
	@echo "make editions  rebuild the student and teacher notebooks from lessons/"
	@echo "make bench     time and measure the notebooks and annotate on 100 and 1,000 pages (prints tables)"
	@echo "make test-browser  run every student notebook in JupyterLab in headless Chromium"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt pyproject.toml
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

lab: install
	$(BIN)/jupyter lab $(LAB_FLAGS) --ServerApp.root_dir=. notebooks/00_start_here.ipynb

test: install
	$(BIN)/python -m pytest

run: install $(HANDOUTS)

build/%.html: notebooks/%.ipynb $(PACKAGE) | install
	$(BIN)/python -m newstext run --html build $<

bench: install
	$(BIN)/python benchmarks/bench.py

BROWSER_STAMP := $(VENV)/.installed-browser

$(BROWSER_STAMP): $(STAMP) requirements-browser.txt
	$(BIN)/python -m pip install --quiet -r requirements-browser.txt
	touch $(BROWSER_STAMP)

/usr/bin/chromium:
	@if [ "$$(id -u)" != 0 ]; then echo "install Chromium first: sudo apt-get install chromium fonts-noto-color-emoji"; exit 1; fi
	apt-get update -qq
	apt-get install -y -qq chromium fonts-noto-color-emoji > /dev/null

test-browser: $(BROWSER_STAMP) /usr/bin/chromium
	$(BIN)/python tests/browser/check_notebooks.py

editions: install
	$(BIN)/python -m newstext editions

clean:
	rm -rf build data/processed

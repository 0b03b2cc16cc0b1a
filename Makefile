# Bildungslandschaft – developer commands. `make help` lists them.
SHELL := /bin/bash
VENV_PY := .venv/bin/python
SYS_PY := /usr/bin/python3
PLUGIN := bildungslandschaft_plugin
export QT_QPA_PLATFORM := offscreen

.PHONY: help setup test demo bench translations translations-compile package deploy lint clean sample

help:
	@echo "make test          install what is missing, then run the whole test suite headless"
	@echo "make demo          the planners' workflow on the sample city -> demo_output/"
	@echo "make bench         benchmarks (sample city at scale 1 and 10) -> bench_output/"
	@echo "make translations  update i18n/*.ts, fail on unfinished German entries, compile .qm"
	@echo "make package       self-contained plugin zip in dist/"
	@echo "make deploy        install into the QGIS profile (or PLUGIN_PATH=/path/to/plugins)"
	@echo "make lint          pyflakes over plugin, scripts and tests"
	@echo "make sample        write the sample city (SCALE=1) to sample_data/"

setup:
	@bash scripts/setup.sh

translations-compile: setup
	@$(SYS_PY) scripts/i18n.py compile >/dev/null

test: setup translations-compile
	@$(SYS_PY) scripts/i18n.py missing >/dev/null || { echo "Unfinished German translations: run make translations"; exit 1; }
	$(VENV_PY) -m pytest

demo: setup translations-compile
	$(SYS_PY) scripts/demo.py

bench: setup translations-compile
	$(SYS_PY) scripts/bench.py --repeat 3
	$(SYS_PY) scripts/bench_location.py --out bench_output

sample: setup
	$(SYS_PY) scripts/make_sample_city.py --scale $${SCALE:-1} --out sample_data

translations: setup
	$(SYS_PY) scripts/i18n.py update
	$(SYS_PY) scripts/i18n.py missing
	$(SYS_PY) scripts/i18n.py compile

package: setup
	$(SYS_PY) scripts/package.py

deploy: package
	$(SYS_PY) scripts/package.py --deploy $${PLUGIN_PATH:-}

lint: setup
	$(VENV_PY) -m pyflakes $(PLUGIN) scripts tests

clean:
	rm -rf build dist demo_output bench_output .pytest_cache $(PLUGIN)/i18n $(PLUGIN)/resources

# Bildungslandschaft – developer commands. `make help` lists them.
SHELL := /bin/bash
VENV_PY := .venv/bin/python
SYS_PY := /usr/bin/python3
PLUGIN := bildungslandschaft_plugin
export QT_QPA_PLATFORM := offscreen


.PHONY: help setup test demo-postgis test-qgis test-all test-fresh demo bench translations translations-compile package deploy lint clean sample

help:
	@echo "make test          install what is missing, then run the whole test suite headless"
	@echo "make test-qgis QGIS=3.40   the suite in a Debian 13 root (QGIS 3.40); QGIS=3.44: Debian unstable"
	@echo "make test-all      make test (this machine) + QGIS 3.40 and 3.44 roots"
	@echo "make test-fresh    pristine Debian 12 root: fresh clone, then make demo and make test"
	@echo "make demo          the planners' workflow on the sample city -> demo_output/"
	@echo "make demo-postgis  the same with inputs and outputs in PostGIS (local throw-away cluster or PG_SERVICE=...)"
	@echo "make bench         benchmarks (sample city at scale 1 and 10; walk + public transport) -> bench_output/"
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
	$(VENV_PY) -m pytest $(PYTEST_ARGS)

# Other QGIS versions and a fresh machine, in cached debootstrap roots (build/roots/, needs root).
QGIS ?= 3.40
test-qgis:
	bash scripts/qgis_root.sh test $(QGIS) $(PYTEST_ARGS)

test-all: test
	bash scripts/qgis_root.sh test 3.40
	bash scripts/qgis_root.sh test 3.44

test-fresh:
	bash scripts/qgis_root.sh fresh

demo: setup translations-compile
	$(SYS_PY) scripts/demo.py

# the same workflow with inputs and outputs in PostGIS: a throw-away local cluster (build/postgis),
# or an existing server: make demo-postgis PG_SERVICE=name (an entry of your pg_service.conf)
demo-postgis: setup translations-compile
	$(SYS_PY) scripts/demo.py --postgis $(if $(PG_SERVICE),--pg-service $(PG_SERVICE),) --out demo_output_postgis

bench: setup translations-compile
	$(SYS_PY) scripts/bench.py --repeat 3
	$(SYS_PY) scripts/bench_transit.py
	$(SYS_PY) scripts/bench_osm.py --repeat 3
	$(SYS_PY) scripts/bench_location.py --out bench_output
	$(SYS_PY) scripts/bench_postgis.py --repeat 3 --out bench_output

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

# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test lint unit browser chromium screenshots bench demo-data clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench,scale]'
	touch $(STAMP)

run: install
	$(PY) -m streamlit run dashboard.py

# Debian's Chromium for the real-browser tests (never `playwright install`: it downloads).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null; }

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

unit: install
	$(PY) -m pytest -q -m "not browser"

browser: install chromium
	$(PY) -m pytest -q -m browser

test: lint install chromium
	$(PY) -m pytest -q -n 2  # two processes: the suite in about 8 instead of 12 minutes

screenshots: install chromium
	$(PY) tests/screenshots.py

# the uncertainty benchmark's sizes: `make bench BENCH_SIZES=1e6 BOOT_SIZES=1e6` for a short run
BENCH_SIZES ?= 1e6,1e7
BOOT_SIZES ?= 1e6
# the Dask scale run: rows written once as Parquet under tests/benchmarks/out/ (reused)
SCALE_ROWS ?= 1e8
SCALE_MEMORY ?= 1.5GB
SCALE_MEMORY_ROWS ?= 5e7
bench: install chromium
	$(PY) tests/benchmarks/bench_measures.py
	$(PY) tests/benchmarks/bench_uncertainty.py --sizes $(BENCH_SIZES) --boot-sizes $(BOOT_SIZES)
	$(PY) tests/benchmarks/bench_scale.py --rows $(SCALE_ROWS) --memory-limit $(SCALE_MEMORY) --memory-rows $(SCALE_MEMORY_ROWS)
	$(PY) tests/benchmarks/bench_scale.py --rows 1e7 --memory-limit 0.7GB --memory-rows 1e7 --command compute
	$(PY) tests/benchmarks/bench_findings.py
	$(PY) tests/benchmarks/bench_dashboard.py
	$(PY) tests/benchmarks/bench_browser.py

# The demo files are package data: the script writes them into indicators/data/.
demo-data: install
	$(PY) data/make_demo.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

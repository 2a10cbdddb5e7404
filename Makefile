# Two commands set everything up: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.run-deps
DEV_STAMP := $(VENV)/.dev-deps
PORT ?= 8501

.PHONY: run test lint bench eval chromium clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUN_STAMP): requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(DEV_STAMP): requirements-dev.txt $(RUN_STAMP)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

## run: serve the dashboard on the bundled data at http://localhost:$(PORT)
run: $(RUN_STAMP)
	$(PY) -m streamlit run app.py --server.port $(PORT)

## chromium: Debian's Chromium for browser tests and static chart export
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "Browser tests need Debian's chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'" >&2; exit 1; \
	fi

lint: $(DEV_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

## test: lint, then the whole suite, browser tests included (slow ones last), and the five slowest tests
test: $(DEV_STAMP) chromium lint
	$(PY) -m pytest --durations=5

## bench: print load, filter, rerun, import and export figures beside their baselines
bench: $(DEV_STAMP) chromium
	$(PY) bench/run.py

## eval: score ingest against the hand-annotated corpus in tests/eval (EVAL_SPLIT=dev|heldout|heldout6|heldout7|all)
EVAL_SPLIT ?= dev
eval: $(DEV_STAMP)
	PYTHONPATH=src $(PY) tests/eval/score.py --split $(EVAL_SPLIT)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# Shomar — the two Quick start commands and the checks behind them.
# `make demo` and `make test` both create .venv if missing and install the project from this
# repository's own files (pyproject.toml), so they work on a fresh machine with only Python.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: demo test lint typecheck check bench clean security

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/shomar demo

test: $(STAMP)
	bash scripts/ensure-services.sh
	bash scripts/install-browser.sh
	bash scripts/install-npm.sh
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/bandit -q -r src --severity-level high

security: $(STAMP)
	$(BIN)/bandit -r src

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) shomar-demo .pytest_cache .mypy_cache .ruff_cache

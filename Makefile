# Every target works on a fresh machine: `install` builds .venv from pyproject.toml.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint format bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The main job on the bundled example: no network needed (local sources only).
demo: $(STAMP)
	$(BIN)/factcheck check fixtures/misquotes.md --exit-zero

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check factcheck tests benchmarks
	$(BIN)/ruff format --check factcheck tests benchmarks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format factcheck tests benchmarks
	$(BIN)/ruff check --fix factcheck tests benchmarks

# Benchmarks read ../shared/eval (override with FACTCHECK_EVAL) and skip when it is absent.
bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache bench-out test-artifacts
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

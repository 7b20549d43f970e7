# Samvirke: `make run` serves the demo, `make test` runs everything CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
IDE := graph/static/ide/.installed
AUDIT := tests/http/node_modules/.package-lock.json

.PHONY: run test install ide lint format typecheck schema lock clean

run: $(INSTALLED) $(IDE)
	$(BIN)/samvirke serve --seed-demo

test: $(INSTALLED) $(IDE) $(AUDIT)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

install: $(INSTALLED)

$(INSTALLED): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

ide: $(IDE)

$(IDE): $(INSTALLED)
	$(BIN)/python -m graph.ide install

$(AUDIT): tests/http/package.json tests/http/package-lock.json
	npm ci --prefix tests/http --no-audit --no-fund --loglevel=error

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: $(INSTALLED)
	$(BIN)/samvirke export-schema

lock: $(INSTALLED)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--custom-compile-command "make lock" -o requirements.lock

clean:
	rm -rf $(VENV) graph/static/ide tests/http/node_modules .mypy_cache .ruff_cache .pytest_cache

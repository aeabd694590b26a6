# The two commands of README.md, and a few helpers. Everything runs from .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# More pytest options, e.g. `make test PYTEST_ARGS="--cov --cov-report="` (what .ci/run does).
PYTEST_ARGS ?=
# uv installs the dependencies in seconds; it comes from PyPI into the virtualenv itself,
# pinned so that `make lock` writes the same file on every machine.
UV_VERSION := 0.13.9
# Every package pinned, with hashes, for every platform: the versions CI tested. The run and
# the test commands install the same set (the test tools add a few seconds to a cold install).
LOCK := requirements/lock.txt
LOCK_COMMAND := $(BIN)/uv pip compile --quiet --universal --generate-hashes --extra test \
	--custom-compile-command "make lock" pyproject.toml

.PHONY: run test lock lock-check clean

# Set up and start the platform with demo data on the embedded defaults (DEBUG off, as in
# production; static files served by WhiteNoise, uploaded photos by the platform itself).
run: $(VENV)/.installed
	@echo "== preparing the database, translations, static files and demo data"
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py compile_translations
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py rebuild_index
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C to stop; another port: make run PORT=8080)"
	SERVE_MEDIA=1 $(BIN)/python manage.py run_periodic & trap "kill $$!" EXIT INT TERM; \
	SERVE_MEDIA=1 $(BIN)/daphne -v 1 -b $(HOST) -p $(PORT) config.asgi:application

# Set up and run the whole test suite (suites needing PostgreSQL, Redis or a browser
# say they are skipped and why when those are not configured).
test: $(VENV)/.installed
	$(BIN)/python manage.py compile_translations
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

$(VENV)/bin/python:
	@echo "== creating the virtualenv in $(VENV) (first run only)"
	$(PYTHON) -m venv $(VENV)

$(BIN)/uv: | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The lock, exactly (a package dropped from it is removed), then the project itself, editable.
$(VENV)/.installed: $(LOCK) pyproject.toml | $(BIN)/uv
	@echo "== installing the locked dependencies with uv (a few seconds on a first run)"
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes $(LOCK)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

# Regenerate the lock after a change to the dependencies in pyproject.toml. Versions already
# pinned are kept while they still fit; `make lock UPGRADE=1` takes the newest that fit.
lock: | $(BIN)/uv
	$(LOCK_COMMAND) $(if $(UPGRADE),--upgrade) -o $(LOCK)

# Fail when the lock no longer matches pyproject.toml (run by .ci/run; needs the index).
lock-check: | $(BIN)/uv
	@tmp=$$(mktemp) && cp $(LOCK) $$tmp && $(LOCK_COMMAND) -o $$tmp \
	&& if diff -u $(LOCK) $$tmp; then echo "$(LOCK) matches pyproject.toml"; rm $$tmp; \
	else echo "$(LOCK) does not match pyproject.toml: run make lock" >&2; rm $$tmp; exit 1; fi

clean:
	rm -rf $(VENV) var build *.egg-info

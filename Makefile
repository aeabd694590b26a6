# The two commands of README.md, and a few helpers. Everything runs from .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# uv installs the dependencies in seconds; it comes from PyPI into the virtualenv itself.
UV := $(BIN)/uv pip install --quiet --python $(BIN)/python

.PHONY: run test setup lint e2e clean

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
test: $(VENV)/.installed-test
	$(BIN)/python manage.py compile_translations
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

$(VENV)/bin/python:
	@echo "== creating the virtualenv in $(VENV) (first run only)"
	$(PYTHON) -m venv $(VENV)

$(BIN)/uv: | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv

$(VENV)/.installed: pyproject.toml | $(BIN)/uv
	@echo "== installing the dependencies with uv (about half a minute on a first run)"
	$(UV) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/uv
	@echo "== installing the dependencies and test tools with uv (about half a minute on a first run)"
	$(UV) -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) var build *.egg-info

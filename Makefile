# The two commands of README.md, and a few helpers. Everything runs from .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint e2e clean

# Set up and start the platform with demo data on the embedded defaults.
run: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py compile_translations
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py rebuild_index
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	DEBUG=1 $(BIN)/python manage.py run_periodic & trap "kill $$!" EXIT INT TERM; \
	DEBUG=1 $(BIN)/daphne -b $(HOST) -p $(PORT) config.asgi:application

# Set up and run the whole test suite (suites needing PostgreSQL, Redis or a browser
# say they are skipped and why when those are not configured).
test: $(VENV)/.installed-test
	$(BIN)/python manage.py compile_translations
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) var build *.egg-info

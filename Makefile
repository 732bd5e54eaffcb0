# The few verbs a newcomer needs. `make run` serves Hearth; `make test` tests it.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
TRAIN_VENV := .venv-train
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2

.PHONY: help run serve setup test test-fast lint types check lock clean browser system-libs train

help:
	@echo "make run    set up and serve Hearth on http://$(HOST):$(PORT) (SQLite under var/)"
	@echo "make test   set up and run the whole test suite"
	@echo "make lint   ruff, mypy --strict, makemigrations --check"
	@echo "make lock   regenerate the pinned lock files from requirements*.in"
	@echo "make train  retrain the tone coach's model (its own virtualenv; about an hour on 2 cores)"

# The virtualenv is rebuilt when the lock files change.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt -r requirements-dev.txt
	@touch $@

# Training the coach needs torch: a virtualenv of its own, never part of run or test.
$(TRAIN_VENV)/.installed: requirements-train.txt
	@test -x $(TRAIN_VENV)/bin/python || "$$(scripts/find-python)" -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-train.txt
	@touch $@

train: $(TRAIN_VENV)/.installed
	$(TRAIN_VENV)/bin/python -m hearth.coach.train $(ARGS)

var/secret_key:
	@mkdir -p var
	@umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

setup: $(VENV)/.installed var/secret_key system-libs
	$(MANAGE) migrate --no-input
	$(MANAGE) load_content
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) seed_demo

# Serve with granian (see docs/deployment.md for the figures that chose it) and
# run the background worker beside it, started again if it ever exits; Ctrl-C
# stops both.
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: setup
	@scripts/keep-running $(MANAGE) worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	echo "Hearth is at http://$(HOST):$(PORT)/ (Ctrl-C to stop)"; \
	$(VENV)/bin/granian --interface wsgi --host $(HOST) --port $(PORT) \
		--workers $(WORKERS) --blocking-threads 4 --backpressure 16 \
		--log-level warning hearth.wsgi:application

browser:
	@scripts/ensure-chromium

# Pango, HarfBuzz's subsetter and a font for the PDF summary (WeasyPrint).
system-libs:
	@scripts/ensure-system-libs

test: $(VENV)/.installed var/secret_key browser system-libs
	$(MANAGE) test --no-input --parallel $(or $(PARALLEL),2) $(ARGS)

lint: $(VENV)/.installed var/secret_key
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(MANAGE) makemigrations --check --dry-run

lock: $(VENV)/.installed
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile --python-version 3.12 --generate-hashes -q requirements.in -o requirements.txt
	$(VENV)/bin/uv pip compile --python-version 3.12 --generate-hashes -q requirements-dev.in -o requirements-dev.txt
	$(VENV)/bin/uv pip compile --python-version 3.12 --generate-hashes -q requirements-train.in -o requirements-train.txt

clean:
	rm -rf $(VENV) $(TRAIN_VENV) staticfiles

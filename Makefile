# Cause Atlas. Two commands for a fresh machine with Python 3.11 and pip:
#   make run    create .venv, install the pinned requirements and Chromium (charts as PNG/SVG),
#               serve the app on http://localhost:8501
#   make test   install the dev requirements, Chromium, its headless shell, nginx and redis-server (apt-get), then
#               run ruff, mypy (causes/) and the whole suite: the tests without a browser in one worker a
#               core (pytest-xdist), then those that drive Chromium one at a time
#   make serve  K app processes (default: one per core) behind nginx on http://localhost:8500
#   make fast   the suite without the browser tests (pytest -m "not browser"); `make unit`, `make pages`
#               and `make browser` run its parts
#   make catalogs  the interface's message catalogs extracted, updated and compiled (locales/)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
DATA   ?=
LOCALE ?=
ROOMS  ?=
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

SERVE_PORT ?= 8500
PROCESSES  ?=
# The tests without a browser are CPU-bound: one worker a core. The browser tests run one at
# a time (two at once gain little on two cores and wait on each other's Chromium).
WORKERS    ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run serve test lint fast unit pages browser bench catalogs bundle bundle-check chromium headless-shell nginx redis clean

run: $(VENV)/.runtime chromium
	$(if $(LOCALE),CAUSE_ATLAS_LOCALE=$(LOCALE)) $(BIN)/streamlit run app.py --server.port $(PORT) --server.address localhost $(if $(DATA)$(ROOMS),--) $(if $(DATA),--data $(DATA)) $(if $(ROOMS),--rooms $(ROOMS))

# Several processes behind nginx, sticky sessions, a dead process started again (deploy/serve.py).
serve: $(VENV)/.runtime chromium nginx
	$(if $(LOCALE),CAUSE_ATLAS_LOCALE=$(LOCALE)) $(BIN)/python -m deploy.serve --port $(SERVE_PORT) $(if $(PROCESSES),--processes $(PROCESSES)) $(if $(DATA),--data $(DATA)) $(if $(ROOMS),--rooms $(ROOMS))

test: $(VENV)/.dev chromium headless-shell nginx redis
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -m "not browser" -n $(WORKERS)
	$(BIN)/python -m pytest -m browser

# Everything but the tests that drive Chromium, marked `browser` (tests/conftest.py).
fast: $(VENV)/.dev chromium redis
	$(BIN)/python -m pytest -m "not browser" -n $(WORKERS)

# The fast suite without the pages run in AppTest.
unit: $(VENV)/.dev redis
	$(BIN)/python -m pytest -m "not browser" --ignore=tests/pages

pages: $(VENV)/.dev
	$(BIN)/python -m pytest tests/pages

browser: $(VENV)/.dev chromium headless-shell nginx redis
	$(BIN)/python -m pytest -m browser

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Every benchmark (core at 1,000 to 1,000,000 causes; Chromium beside the bare app; server
# memory) and the report in bench/README.md: about 7 minutes, up to ~8 GB of memory.
bench: $(VENV)/.dev chromium
	$(BIN)/python -m bench.run_all

# The interface's message catalogs (causes/i18n.py): extract every message from the code into
# locales/messages.pot, add new ones to each language's .po (a translator fills them in), and
# compile each .po into the .mo the app reads. All three are committed; tests/causes/test_i18n.py
# fails on a message missing from a .po, one left untranslated, or a .mo older than its .po.
LANGUAGES := es

catalogs: $(VENV)/.dev
	$(BIN)/pybabel extract -F babel.cfg --add-location=file --sort-output --no-wrap -c Translators: \
	  --project="Cause Atlas" --copyright-holder="Cause Atlas" -o locales/messages.pot app.py causes pages
	@for lang in $(LANGUAGES); do [ -f locales/$$lang/LC_MESSAGES/messages.po ] \
	  || $(BIN)/pybabel init -i locales/messages.pot -d locales -D messages -l $$lang --no-wrap; done
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages --no-wrap --ignore-obsolete --no-fuzzy-matching
	$(BIN)/pybabel compile -d locales -D messages --statistics

# The charts' plotly.js (scatter, bar, treemap; pages/ui/plot.py) is committed, built: `make run` and
# `make test` never need node. `make bundle` builds it again from frontend/plotly's pinned
# packages (needs node and npm); `make bundle-check` builds it elsewhere and fails unless the
# result is the committed file, byte for byte.
BUNDLE := static/plotly-cause-atlas.min.js

bundle:
	frontend/plotly/build.sh $(CURDIR)/$(BUNDLE)

bundle-check:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && frontend/plotly/build.sh "$$tmp/bundle.js" \
	  && cmp "$$tmp/bundle.js" $(BUNDLE) && echo "$(BUNDLE): rebuilt byte for byte"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian's Chromium: the browser tests drive it with Playwright, and the app draws charts
# as PNG/SVG files with it (kaleido).
# (Never `playwright install`: it downloads a browser of its own.)
chromium:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: $$(/usr/bin/chromium --version 2>/dev/null)"; \
	else $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; fi

# Debian's old headless shell: the classroom load test (bench/load.py) opens its real pages
# in it, as they cost the shared cores less than Chromium's.
headless-shell:
	@if [ -x /usr/bin/chromium-headless-shell ]; then echo "headless shell: present"; \
	else $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium-headless-shell; fi

# Debian's redis-server: the live room's store across machines. The tests start their own on a
# loopback port (tests/support/redis.py); nothing here starts it as a service.
redis:
	@if [ -x /usr/bin/redis-server ]; then echo "redis: $$(/usr/bin/redis-server --version | cut -d' ' -f3)"; \
	else $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq redis-server; fi

# Debian's nginx, in front of the app processes of `make serve` (and its browser test).
nginx:
	@if [ -x /usr/sbin/nginx ]; then echo "nginx: $$(/usr/sbin/nginx -v 2>&1)"; \
	else $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx; fi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis

# analysis_lib: reproduce and audit the article's numbers.
# Every target works from a fresh clone: it creates .venv/ first when needed.

.DEFAULT_GOAL := help
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LAB_CONFIG := $(addprefix $(VENV)/,etc/jupyter/jupyter_server_config.json share/jupyter/lab/settings/overrides.json)
SETUP := $(STAMP) $(LAB_CONFIG)
# Quiet pip, and no version check: the build must not wait on the network.
PIP := $(PY) -m pip --disable-pip-version-check --quiet
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: help setup system data test lint format translations reports check golden bench lab lock stop clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.lock pyproject.toml
	@echo "setup: creating $(VENV)/ from requirements.lock"
	@# A bare Debian python3 lacks venv: install python3-venv (as root) and retry.
	@test -x $(PY) || python3 -m venv $(VENV) 2>/dev/null \
		|| { rm -rf $(VENV); tools/system-deps.sh python3-venv && python3 -m venv $(VENV); }
	@# The lock is the complete, exact environment, every file checked by its hash.
	@tools/install-lock.sh $(PY) requirements.lock $(VENV)/setup-pip.log
	@$(PIP) install --no-deps --no-build-isolation -e .
	@$(PY) -m ipykernel install --sys-prefix --name analysis-lib --display-name "Python (analysis-lib)" >/dev/null
	@$(PY) -m analysis_lib install-notebook-filter
	@$(PY) -m analysis_lib.translations compile
	@touch $@

# JupyterLab settings for every `jupyter lab` of the venv, `make lab` or not:
# no news, no update check, no extension listing from the network.
$(LAB_CONFIG): $(VENV)/%: tools/jupyter-config/% | $(STAMP)
	@install -D -m 644 $< $@

setup: $(SETUP) ## Create .venv/ from the lock file, register the kernel, install the notebook git filter
	@$(PY) -m analysis_lib install-notebook-filter

system: ## Install the Debian packages for PDF reports (Chromium, Noto CJK fonts) when missing
	@tools/system-deps.sh

data: $(STAMP) ## Re-import the IMF DOTS workbooks into data/dots_trade.csv
	@$(PY) -m analysis_lib import-dots --quiet

test: $(SETUP) ## Run the test suite
	@tools/system-deps.sh
	@$(PY) -m pytest -q -n $(JOBS) --dist loadgroup

lint: $(STAMP) ## Check code style with ruff; fail on a notebook committed with outputs
	@$(PY) -m ruff check src tests notebooks
	@$(PY) -m ruff format --check src tests notebooks
	@$(PY) -m analysis_lib lint-notebooks

format: $(STAMP) ## Format code with ruff
	@$(PY) -m ruff format src tests notebooks
	@$(PY) -m ruff check --fix src tests notebooks

translations: $(STAMP) ## Extract the messages, update the Russian catalog (.po), compile it (.mo)
	@$(PY) -m analysis_lib.translations

reports: $(STAMP) ## Build every report (HTML and PDF, English and Russian) into reports/
	@tools/system-deps.sh || true
	@$(PY) -m analysis_lib build --jobs $(JOBS)

check: $(STAMP) ## Rebuild from clean and compare with tests/golden (CI reproducibility check)
	@tools/system-deps.sh
	@$(PY) -m analysis_lib check --jobs $(JOBS)

golden: $(STAMP) ## Regenerate tests/golden from a fresh build and show what changed
	@tools/system-deps.sh
	@$(PY) -m analysis_lib golden --jobs $(JOBS)

bench: $(STAMP) ## Time the build against the naive loop and the floor
	@tools/system-deps.sh
	@$(PY) -m analysis_lib bench

lab: $(SETUP) ## Start JupyterLab offline with the analysis-lib kernel
	@$(VENV)/bin/jupyter lab --notebook-dir=notebooks --ServerApp.open_browser=False \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

lock: ## Regenerate requirements.lock from pyproject.toml (needs the network)
	@tools/make-lock.sh

stop: ## Stop the build servers (warm kernel parent, browser) kept for the next build
	@if [ -x $(PY) ]; then $(PY) -m analysis_lib servers stop; fi

clean: ## Remove build outputs and reports (keeps .venv/ and data/)
	@rm -rf build reports/*.html reports/*.json reports/en reports/ru reports/figures
	@find src tests -name __pycache__ -prune -exec rm -rf {} +

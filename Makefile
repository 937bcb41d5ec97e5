# analysis_lib: reproduce and audit the article's numbers.
# Every target works from a fresh clone: it creates .venv/ first when needed.

.DEFAULT_GOAL := help
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Quiet pip, and no version check: the build must not wait on the network.
PIP := $(PY) -m pip --disable-pip-version-check --quiet
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: help setup system data test lint format reports check golden bench lab lock clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.lock pyproject.toml
	@echo "setup: creating $(VENV)/ from requirements.lock"
	@# A bare Debian python3 lacks venv: install python3-venv (as root) and retry.
	@test -x $(PY) || python3 -m venv $(VENV) 2>/dev/null \
		|| { rm -rf $(VENV); tools/system-deps.sh python3-venv && python3 -m venv $(VENV); }
	@# --no-deps: the lock is the complete, exact environment.
	@$(PIP) install --no-deps -r requirements.lock
	@$(PIP) install --no-deps --no-build-isolation -e .
	@$(PY) -m ipykernel install --sys-prefix --name analysis-lib --display-name "Python (analysis-lib)" >/dev/null
	@touch $@

setup: $(STAMP) ## Create .venv/ from the lock file and register the analysis-lib kernel

system: ## Install the Debian packages for PDF reports (Chromium, Noto CJK fonts) when missing
	@tools/system-deps.sh

data: $(STAMP) ## Re-import the IMF DOTS workbooks into data/dots_trade.csv
	@$(PY) -m analysis_lib import-dots --quiet

test: $(STAMP) ## Run the test suite
	@tools/system-deps.sh
	@$(PY) -m pytest -q -n $(JOBS) --dist loadgroup

lint: $(STAMP) ## Check code style with ruff
	@$(PY) -m ruff check src tests notebooks
	@$(PY) -m ruff format --check src tests notebooks

format: $(STAMP) ## Format code with ruff
	@$(PY) -m ruff format src tests notebooks
	@$(PY) -m ruff check --fix src tests notebooks

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

lab: $(STAMP) ## Start JupyterLab offline with the analysis-lib kernel
	@$(VENV)/bin/jupyter lab --notebook-dir=notebooks --ServerApp.open_browser=False \
		--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
		--LabApp.extension_manager=readonly $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

lock: ## Regenerate requirements.lock from pyproject.toml (needs the network)
	@tools/make-lock.sh

clean: ## Remove build outputs and reports (keeps .venv/ and data/)
	@rm -rf build reports/*.html reports/*.json reports/en reports/ru reports/figures
	@find src tests -name __pycache__ -prune -exec rm -rf {} +

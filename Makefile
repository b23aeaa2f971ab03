# The two commands that matter: `make lab` (open the series) and `make test` (check all of it).
# Each builds .venv from the pinned requirements the first time, and again when they change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NOTEBOOKS := $(wildcard notebooks/*.ipynb solutions/*.ipynb exercises/*.ipynb)

.PHONY: lab test notebooks exercises guide references data bench lint format lock clean mutation site

# Jupyter refuses to run as root (in a container, say) unless told it may.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(VENV)/.runtime
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00_start_here.ipynb

# The browser tests run beside the others, one pytest process each (tests/run.py).
test: $(VENV)/.test
	$(BIN)/python tests/run.py

# Re-run every notebook on a fresh kernel and store its outputs (do this after changing code or data).
notebooks: $(VENV)/.runtime
	$(BIN)/python -m iran_russia.tools.execute $(NOTEBOOKS)

# Regenerate the student workbooks in exercises/ from solutions/, then run them to store fresh outputs.
exercises: $(VENV)/.runtime
	$(BIN)/python -m iran_russia.tools.workbooks
	$(BIN)/python -m iran_russia.tools.execute exercises/*.ipynb

# Write the instructor's lesson pages and the lessons' route marks from instructors/content/.
guide: $(VENV)/.runtime
	$(BIN)/python -m iran_russia.tools.guide

# Number the lessons' citations ([`source-id`] becomes [[3](#ref-source-id)]) and rewrite each
# lesson's list of sources from them.
references: $(VENV)/.runtime
	$(BIN)/python -m iran_russia.tools.references notebooks/*.ipynb notebooks/glossary.md

# Mutate grading, answer parsing, the workbook generator, the loader and the data checks one change
# at a time and run the tests that reach each change; print the share killed (see tests/mutation.md).
# About 11 to 17 minutes on 2 cores.
mutation: $(VENV)/.test
	$(BIN)/python -m pip install --quiet --quiet -r requirements-mutation.txt -c requirements.txt
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2
	$(BIN)/python tests/mutation_score.py

# The reading copy: a page per lesson, workbook, guide page and data table, search, and a PDF per
# lesson and workbook, built offline into build/site/ (PDFs need Debian's Chromium).
# HUB=https://hub.example.edu adds each notebook's nbgitpuller link for that hub.
site: $(VENV)/.test
	$(BIN)/python -m iran_russia.site $(if $(HUB),--hub $(HUB))

bench: $(VENV)/.runtime
	$(BIN)/python -m iran_russia.tools.bench $(NOTEBOOKS)

lint: $(VENV)/.test
	$(BIN)/ruff check src tests notebooks exercises solutions
	$(BIN)/ruff format --check src tests notebooks exercises solutions

format: $(VENV)/.test
	$(BIN)/ruff check --fix src tests notebooks exercises solutions
	$(BIN)/ruff format src tests notebooks exercises solutions

$(VENV)/.runtime: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --quiet --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime requirements-test.txt
	$(BIN)/python -m pip install --quiet --quiet -r requirements-test.txt -c requirements.txt
	touch $@

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache test-artifacts mutants

# Re-resolve requirements.in into the pins shared by requirements.txt and environment.yml.
lock:
	PYTHONPATH=src $(PYTHON) -m iran_russia.tools.lock

# Rebuild the tables derived from the raw datasets in ../shared/data-raw, and the data dictionary.
data: $(VENV)/.runtime
	$(BIN)/python -m iran_russia.tools.build_data
	$(BIN)/python -m iran_russia.tools.data_dictionary

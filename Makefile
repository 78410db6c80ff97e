# The one entry point. `make serve` and `make test` set everything up on first run.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# axe-core for the browser tests, pinned in package-lock.json (Chromium itself is Debian's).
NODE_READY := node_modules/.ready
# Material prints a multi-line end-of-life notice on every build (see README, "Limites").
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build validate import enquete a-verifier nouveau-lieu nouveau-parcours schemas test lint bench lock vendor clean

$(READY): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(NODE_READY): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

serve: $(READY)  ## serve the site on http://127.0.0.1:8000, rebuilt on change; data errors show on its pages
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(READY)  ## write the site into site/, whole or not at all; one build at a time (ATTENTE=seconds)
	$(BIN)/python scripts/build_site.py $(if $(ATTENTE),--attente $(ATTENTE))

validate: $(READY)  ## check every file of data/ and list each problem with its file and line
	$(BIN)/python scripts/validate.py $(if $(FORMAT),--format $(FORMAT))

import: $(READY)  ## add the territory's places of a national-standard CSV: make import SOURCE=file.csv
	@test -n "$(SOURCE)" || { echo "Indiquez le fichier : make import SOURCE=chemin/du/fichier.csv" >&2; exit 2; }
	$(BIN)/python scripts/import_places.py "$(SOURCE)" $(if $(ESSAI),--essai)

enquete: $(READY)  ## write the survey's XForm; with SOURCE=export.csv (ODK Central), its results
	$(BIN)/python scripts/survey.py $(if $(SOURCE),"$(SOURCE)") $(if $(SYNTHETIQUE),--synthetique) $(ARGS)

a-verifier: $(READY)  ## list the records to check again, by structure, with their contacts
	$(BIN)/python scripts/to_check.py

nouveau-lieu: $(READY)  ## write a new place record from questions (or flags: ARGS="--nom …")
	$(BIN)/python scripts/new_record.py lieu $(ARGS)

nouveau-parcours: $(READY)  ## write a first pathway to edit, from questions (or ARGS="…")
	$(BIN)/python scripts/new_record.py parcours $(ARGS)

schemas: $(READY)  ## rewrite what is made from the schemas: editor JSON Schemas, field reference
	$(BIN)/python scripts/schemas.py

lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy helpfinder hooks

test: lint validate $(NODE_READY)  ## lint and type-check, check data/, then the whole test suite (with the browser tests)
	$(BIN)/python -m pytest

bench: $(READY)  ## build synthetic sites at four scales against plain MkDocs (about 15 min)
	$(BIN)/python scripts/bench.py

lock: $(READY)  ## pin the versions installed in .venv into requirements.txt
	{ head -n 2 requirements.txt; $(BIN)/pip freeze --exclude-editable; } > requirements.txt.new
	mv requirements.txt.new requirements.txt

vendor: $(READY)  ## fetch the browser files served by the site (Mermaid…) from the npm registry
	$(BIN)/python scripts/vendor.py

clean:
	rm -rf site .site-build .site-previous

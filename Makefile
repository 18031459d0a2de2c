# OneWindow — two commands do all set-up on a fresh Debian machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= offscreen

.PHONY: install run test lint unit bench soak dist clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==25.3"
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The app on its embedded default: local SQLite in the data folder, bundled catalog, demo accounts.
run: install
	-$(BIN)/onewindow init --demo
	QT_QPA_PLATFORM= $(BIN)/onewindow

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# Everything: lint, type checks, import contracts, unit, integration (SQLite and PostgreSQL), UI.
test: install lint
	$(BIN)/pytest -m "not bench" tests

unit: install
	$(BIN)/pytest tests/unit

bench: install
	$(BIN)/pytest -m bench tests/bench -s -p no:randomly

soak: install
	$(BIN)/pytest -m "slow" tests -s

dist: install
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	./dist/onewindow/onewindow --smoke-test

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis .import_linter_cache

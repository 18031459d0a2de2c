# OneWindow — two commands do all set-up on a fresh Debian machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= offscreen

.PHONY: install run test lint unit bench soak dist clean translations lupdate screenshots

install: $(STAMP) translations

# Qt translations: the .ts sources are committed, the compiled .qm files are built here.
translations: $(STAMP)
	for ts in resources/translations/*.ts; do $(BIN)/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

# Refresh the .ts sources from the code (then translate the new entries, e.g. with pyside6-linguist).
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find ui -name "*.py" | sort) -ts resources/translations/onewindow_en.ts -source-language zh_CN -target-language en

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
	$(BIN)/pytest -m "not bench and not soak" tests

unit: install
	$(BIN)/pytest tests/unit

bench: install
	$(BIN)/pytest -m bench tests/bench -s -p no:randomly

# Long runs: thousands of randomized sync runs through the fault proxy and SIGKILL trials
# (ONEWINDOW_SOAK_RUNS, default 3000), plus every test marked slow.
soak: install
	$(BIN)/pytest -m "soak or slow" tests -s

dist: install translations
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	./dist/onewindow/onewindow --smoke-test

# Every main screen as a PNG under screenshots/ (not committed): look at them.
screenshots: install
	xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb $(BIN)/onewindow --screenshots screenshots

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis .import_linter_cache

# Two commands for a new machine:  make run  (set up, build the index, chat)  and  make test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint bench index clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned to the CPU build: anything else pulls gigabytes of CUDA packages
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

run: setup
	HF_HUB_OFFLINE=1 $(BIN)/migrantsbot run

test: setup
	$(BIN)/ruff check .
	HF_HUB_OFFLINE=1 $(BIN)/pytest

lint: setup
	$(BIN)/ruff check .

bench: setup  # bench/scale.py (1M vectors, ~10 min) is run on its own
	$(BIN)/pip install --quiet -e ".[bench]"
	HF_HUB_OFFLINE=1 $(BIN)/python bench/fit_identify.py --dry-run
	HF_HUB_OFFLINE=1 $(BIN)/python bench/retrieval.py
	HF_HUB_OFFLINE=1 $(BIN)/python bench/answers.py
	HF_HUB_OFFLINE=1 $(BIN)/python bench/answers.py --fit bench.fit_models:fit --runs 0
	HF_HUB_OFFLINE=1 $(BIN)/python bench/documents.py
	HF_HUB_OFFLINE=1 $(BIN)/python bench/first_start.py
	HF_HUB_OFFLINE=1 $(BIN)/python bench/update.py
	HF_HUB_OFFLINE=1 $(BIN)/python bench/load.py --think 2
	HF_HUB_OFFLINE=1 $(BIN)/python bench/secretariat.py

index: setup
	HF_HUB_OFFLINE=1 $(BIN)/migrantsbot index build

clean:
	rm -rf $(VENV) data

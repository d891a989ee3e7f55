# The two commands of the README, and what they need.
#   make demo   install everything into .venv and run the main job on the embedded default
#   make test   install everything into .venv and run the whole test suite (what CI runs)
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test export readme bench docs

$(STAMP): settings.ini setup.py
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch first, the CPU build: a range admitting a newer torch would pull GBs of CUDA packages
	$(BIN)/python -m pip install -q torch==2.13.0
	# lpips names torchvision (no CPU build); we only read its weight files, so no deps
	$(BIN)/python -m pip install -q --no-deps lpips==0.1.4
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/gan2shape demo

test: install
	# one thread per process: two test workers with two OpenMP threads each thrash 2 cores.
	# Every temporary file of the run goes into one scratch folder that is removed afterwards, pass or fail:
	# test worker processes end without running the notebooks' own clean-up (scratch_dir's atexit hook).
	scratch=$$(mktemp -d -t gan2shape-test-XXXXXX); \
	trap 'rm -rf "$$scratch"' EXIT; trap 'exit 130' INT TERM; \
	export TMPDIR="$$scratch"; \
	OMP_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers 2 --timing && \
	$(BIN)/python -m pytest -q tests

export:
	$(BIN)/nbdev_export

readme:
	$(BIN)/python tools/make_readme.py

# the notebooks executed and rendered to HTML under docs/_site/ (index.html links them; several minutes)
docs: install
	$(BIN)/python tools/make_docs.py

bench: install
	$(BIN)/python bench/renderer.py

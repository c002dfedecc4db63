# textlens: Rust core → WebAssembly package (pkg/) → page (www/), CLI and tests.
# `make help` lists the targets.

CRATE                := textlens
WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET          := wasm32-unknown-unknown
WASM                 := target/$(WASM_TARGET)/release/$(CRATE).wasm
PKG                  := pkg
HOST                 ?= 127.0.0.1
PORT                 ?= 8080
CARGO_HOME           ?= $(HOME)/.cargo
# Keeps this machine's registry path out of panic messages inside the wasm.
WASM_RUSTFLAGS       := --remap-path-prefix=$(CARGO_HOME)/registry/src=/cargo -C target-feature=+simd128
NODE_MODULES         := node_modules/.package-lock.json
WASM_OPT             := node_modules/.bin/wasm-opt
DATA                 := ../shared/data
LOGS                 := tests/output/logs
SKIPPED              := ../shared/data not found

SHELL                := bash
.SHELLFLAGS          := -o pipefail -c

.PHONY: all help build serve test test-rust test-node test-browser test-eval skipped-report wasm-target \
        wasm-bindgen-cli chromium deps clean size eval bench bench-ner model fuzz \
        native test-native python test-python java test-scale bench-scale

all: build

help:
	@echo "make build         wasm package in $(PKG)/ (installs the wasm target, wasm-bindgen CLI, npm devDependencies)"
	@echo "make serve         build, then serve the page on http://$(HOST):$(PORT)/"
	@echo "make test          install what is missing, then Rust, Node and browser tests"
	@echo "make test-rust     native cargo test only"
	@echo "make test-node     Node tests against the built package"
	@echo "make test-browser  page tests in headless Chromium"
	@echo "make test-native   native CLI and protocol tests, the CLI byte for byte against the Node one"
	@echo "make test-python   the Python package (built into target/venv-python) with pytest"
	@echo "make test-scale    Spark (mapInPandas, RDD.pipe) and Dask on $(SCALE_DOCS) documents vs the native CLI; not part of make test"
	@echo "make native        the native command line: $(NATIVE_BIN)"
	@echo "make bench-scale   throughput of the native CLI, analyze_batch, Spark and Dask at 1 and 2 threads on BENCH_MB (20) MB"
	@echo "make eval          score the built CLI on ../shared/data dev sets (keywords, summary, segment, ner)"
	@echo "make bench         speed, memory and size of the built package vs compromise, wink-nlp and native (BENCH_ARGS=--check: fail on a missed target)"
	@echo "make bench-ner     the NER part of make eval only"
	@echo "make fuzz          run every cargo-fuzz target for FUZZ_SECONDS each (default 600; needs a nightly toolchain)"
	@echo "make model         retrain the entity models (models/ner.bin, models/ner-{es,nl,de,fr}.bin) and their confidence calibrations from ../shared/data/ner"
	@echo "make size          bytes of the wasm: raw, gzip -9"
	@echo "make clean         remove $(PKG)/, node_modules/, tests/output/ and cargo's target/"

wasm-target:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)

# Installing the CLI takes minutes, so only when the pinned version is not already on PATH.
wasm-bindgen-cli:
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then :; else \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

deps: wasm-target wasm-bindgen-cli $(NODE_MODULES)

# The files of js/ that the package ships (its .js and .mjs minified), besides js/element/
# (the element's modules).
JS_FILES := node.js browser.js api.js models.js unpack.js textlens.d.ts cli.mjs text-analyzer.js text-analyzer-worker.js

build: deps
	RUSTFLAGS="$(WASM_RUSTFLAGS)" cargo build --release --target $(WASM_TARGET)
	@mkdir -p $(PKG)
	@# The types are js/textlens.d.ts, written by hand beside js/unpack.js.
	wasm-bindgen --target web --no-typescript --out-dir $(PKG) $(WASM)
	@# Not -O1: V8's baseline compiler runs the first call, and -O3's code makes import
	@# + first analyze() 41-53 ms instead of 68-73 ms (-O1 was ~8% faster warm, ~2% now).
	@# -O4 over -O3: warm analyze() of the seed 0.7-2.2% and of 1 MB of news 2.3-3.5%
	@# faster (tools/compare-builds.mjs, both orders, twice), 0.5 KB more gzipped; the
	@# first call the same (46-56 ms against 42-53, medians of 9 fresh processes).
	@# No memory-packing: it splits the model's zero runs into segments, ~8 KB more gzipped.
	@# -ocimfs 1500 caps inlining of one-caller functions, which would merge the stages
	@# into one function that V8 optimises worse: warm calls ~10% faster (15000 loses the
	@# gain). Against 5000, 1500 is as fast warm (tools/compare-builds.mjs, both orders:
	@# seed 1.003 and 1.007, 1 MB 1.001 and 1.013) and on 1 MB of unseen news (270.2 ms
	@# against 271.9), 201 bytes smaller gzipped, and its smaller functions cost V8's
	@# optimising compiler less memory while it tiers up: peak RSS of analyze() on the
	@# 10 MB bench text in fresh processes 347-369 MB (median 353) against 348-383 (369).
	@# The price is the first call, 66.8 ms after import against 55.0 (medians of 15 fresh
	@# processes, taking turns). 6000 is 2.5-4% slower warm; 1000 delays the first call
	@# more (71-76 ms).
	@# --no-inline keeps two functions out of the one place each is called from, where
	@# V8 compiled the merged function worse (tools/compare-builds.mjs, both orders):
	@# the margins of names (about 9 KB, run for the sentences with a name) out of the
	@# tagger's loop over tokens, 1 MB of news 4-5% and the seed ~5% faster; the entity
	@# stage out of the analysis, 1.5-2% and 2.5-4.5%. The patterns name the Rust
	@# functions, and must come before -O4.
	@# --low-memory-unused lets wasm-opt fold constant offsets into loads and stores: the
	@# first 1 KB of memory is the far end of Rust's stack, reached only by an overflow.
	@# 1.2 KB smaller gzipped, 0.2-1.2% faster on 1 MB of news.
	@# --merge-similar-functions makes functions that differ in constants one: 8 KB less
	@# wasm, 0.9 KB gzipped, as fast warm (compare-builds, both orders: 1 MB 1.001, seed
	@# 0.985-0.991) and on the first call (medians of 11 fresh processes, taking turns).
	@# --converge repeats the passes until the wasm stops shrinking: 658 bytes less, 0.2
	@# KB gzipped, as fast warm (compare-builds, 30 rounds both orders: 1 MB 0.993 and
	@# 0.991, seed within 2%) and on the first call (medians of 11 fresh processes taking
	@# turns: import + seed 80.8 ms against 102.0, 1 MB of news after warm-up 266.4
	@# against 260.4, on a noisy machine); an earlier build had seemed slower with it.
	@# --strip-producers and --strip-target-features drop two custom sections no
	@# browser reads: 269 bytes of wasm, 0.2 KB gzipped.
	$(WASM_OPT) --no-inline='*tagger::Run::margins*' --no-inline='*extract::entities_of*' --low-memory-unused \
	  --merge-similar-functions --strip-producers --strip-target-features -O4 -ocimfs 1500 --skip-pass=memory-packing --converge $(PKG)/$(CRATE)_bg.wasm -o $(PKG)/$(CRATE)_bg.wasm
	cp $(addprefix js/,$(JS_FILES)) $(PKG)/
	rm -rf $(PKG)/element && cp -r js/element $(PKG)/element
	@# Every module in pkg/, the glue included, file by file (not a bundle): tools/minify.mjs.
	node tools/minify.mjs
	cp js/README.md $(PKG)/README.md
	@# The other languages' name models, fetched (or read, in Node) by need: js/models.js.
	cp $(wildcard models/ner-*.bin) $(PKG)/
	node tools/manifest.mjs
	@echo "built $(PKG)/: $$(wc -c < $(PKG)/$(CRATE)_bg.wasm) bytes of wasm"

serve: build
	node tools/serve.mjs --host $(HOST) --port $(PORT)

size: build
	@printf 'raw  %s\ngzip %s\n' "$$(wc -c < $(PKG)/$(CRATE)_bg.wasm)" "$$(gzip -9c $(PKG)/$(CRATE)_bg.wasm | wc -c)"

# The browser of the page tests (playwright cannot download one here): CHROMIUM_PATH
# when it names an executable, else Debian's chromium, installed with apt (as root).
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH
chromium:
	@if [ -x "$(CHROMIUM_PATH)" ]; then :; \
	elif [ "$(CHROMIUM_PATH)" = /usr/bin/chromium ]; then apt-get update && apt-get install -y chromium chromium-driver; \
	else echo "CHROMIUM_PATH=$(CHROMIUM_PATH) is not an executable"; exit 1; fi

# Every stage runs even when an earlier one fails, so one run reports everything. Each
# stage's output is also kept in $(LOGS)/, from which the data-dependent tests that
# skipped (they print "skipped: $(SKIPPED)") are listed at the end.
test: chromium deps
	@rm -rf $(LOGS)
	@if [ -d "$(DATA)" ]; then echo "evaluation data found: $(DATA)"; \
	else echo "$(DATA) is absent: data-dependent tests will skip"; fi
	@failed=""; \
	$(MAKE) --no-print-directory test-rust || failed="$$failed test-rust"; \
	if $(MAKE) --no-print-directory build; then \
	  $(MAKE) --no-print-directory test-node || failed="$$failed test-node"; \
	  $(MAKE) --no-print-directory test-native || failed="$$failed test-native"; \
	  $(MAKE) --no-print-directory test-python || failed="$$failed test-python"; \
	  $(MAKE) --no-print-directory test-browser || failed="$$failed test-browser"; \
	  $(MAKE) --no-print-directory test-eval || failed="$$failed test-eval"; \
	else failed="$$failed build"; fi; \
	$(MAKE) --no-print-directory skipped-report; \
	echo "the Spark and Dask runs are separate: make test-scale"; \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed"; exit 1; fi; \
	echo "make test: all passed"

skipped-report:
	@mkdir -p $(LOGS)
	@awk 'FNR == 1 { name = "" } /^---- .* stdout ----$$/ { name = $$2 ": " } \
	  { line = $$0; sub(/^[ \t]+/, "", line) } line ~ /^skipped: / && index(line, "$(SKIPPED)") { print "  " name line }' \
	  /dev/null $(wildcard $(LOGS)/*.log) | sort -u > $(LOGS)/skipped.txt
	@if [ -s $(LOGS)/skipped.txt ]; then echo "data-dependent tests skipped:"; cat $(LOGS)/skipped.txt; \
	else echo "data-dependent tests skipped: none"; fi

# --show-output prints what passing tests wrote, which is where skip notices appear;
# --no-fail-fast runs every test binary even when one fails.
# The training code's unit tests build only with its feature (the wasm never has it).
test-rust:
	@mkdir -p $(LOGS)
	cargo test --no-fail-fast -- --show-output 2>&1 | tee $(LOGS)/rust.log
	cargo test --no-fail-fast --features train --lib model::train 2>&1 | tee -a $(LOGS)/rust.log

# The test files, not their folder: Node 21+ runs a folder argument as a module
# (MODULE_NOT_FOUND) instead of searching it (nodejs/node#50219).
test-node:
	@mkdir -p $(LOGS)
	node --test --test-reporter=spec tests/node/*.test.mjs 2>&1 | tee $(LOGS)/node.log

test-browser:
	@mkdir -p $(LOGS)
	node --test --test-reporter=spec tests/browser/*.test.mjs 2>&1 | tee $(LOGS)/browser.log

# The native command line (cli/) and the Python package (python/) share the protocol
# code in protocol/; they live in workspace members that the wasm build never compiles.
NATIVE_BIN := target/release/textlens
PY_VENV    := target/venv-python
PY_TOOLS   := maturin==1.16.0 pytest==9.2.0
PIP        := pip install --quiet --disable-pip-version-check
# `pip install ./python` into venv $(1), built by that venv's maturin (found on PATH).
install_python = PATH="$(CURDIR)/$(1)/bin:$$PATH" $(1)/bin/$(PIP) --no-build-isolation --force-reinstall --no-deps ./python

native:
	cargo build --release -p textlens-cli

# Unit tests of protocol/ and cli/, then the release binary against `node pkg/cli.mjs
# --jsonl` (needs `make build`) on the seeds, the dev sets and nasty lines.
test-native: native
	@mkdir -p $(LOGS)
	TEXTLENS_BIN=$(NATIVE_BIN) cargo test -p textlens-protocol -p textlens-cli --no-fail-fast -- --show-output 2>&1 | tee $(LOGS)/native.log

$(PY_VENV)/.installed:
	python3 -m venv $(PY_VENV)
	$(PY_VENV)/bin/$(PIP) $(PY_TOOLS)
	@touch $@

# `pip install ./python` as a user runs it, with the venv's maturin; cargo rebuilds only
# what changed.
python: $(PY_VENV)/.installed
	$(call install_python,$(PY_VENV))

# Compares with the native binary too (built by test-native; skipped without it).
test-python: python
	@mkdir -p $(LOGS)
	TEXTLENS_BIN=$(NATIVE_BIN) $(PY_VENV)/bin/python -m pytest -q -rs -p no:cacheprovider python/tests 2>&1 | tee $(LOGS)/python.log

# PySpark needs Java: Debian's headless JRE, installed when missing (as chromium is).
java:
	@command -v java >/dev/null || { apt-get update && apt-get install -y openjdk-17-jre-headless; }

SCALE_VENV := target/venv-scale
SCALE_DIR  := target/scale
SCALE_DOCS ?= 2000
SPARK_ENV  := PYSPARK_PYTHON=$(CURDIR)/$(SCALE_VENV)/bin/python PYSPARK_DRIVER_PYTHON=$(CURDIR)/$(SCALE_VENV)/bin/python SPARK_LOCAL_IP=127.0.0.1

$(SCALE_VENV)/.installed: tests/scale/requirements.txt
	python3 -m venv $(SCALE_VENV)
	$(SCALE_VENV)/bin/$(PIP) -r tests/scale/requirements.txt $(PY_TOOLS)
	@touch $@

# The three routes of the README's "Large collections" on SCALE_DOCS documents of
# ../shared/data: Spark's mapInPandas and Dask's map_partitions with the Python package,
# Spark's RDD.pipe with the native binary; each output must equal the native CLI's.
test-scale: java native $(SCALE_VENV)/.installed
	@if [ ! -d "$(DATA)" ]; then echo "skipped: $(SKIPPED) (make test-scale)"; exit 0; fi; \
	set -e; \
	$(call install_python,$(SCALE_VENV)); \
	rm -rf $(SCALE_DIR) && mkdir -p $(SCALE_DIR); \
	$(SCALE_VENV)/bin/python tests/scale/make_docs.py $(SCALE_DIR)/docs.jsonl --documents $(SCALE_DOCS); \
	$(NATIVE_BIN) --jsonl < $(SCALE_DIR)/docs.jsonl > $(SCALE_DIR)/native.jsonl; \
	echo "spark mapInPandas"; $(SPARK_ENV) $(SCALE_VENV)/bin/python examples/spark_job.py $(SCALE_DIR)/docs.jsonl $(SCALE_DIR)/spark; \
	echo "dask map_partitions"; $(SCALE_VENV)/bin/python examples/dask_job.py $(SCALE_DIR)/docs.jsonl $(SCALE_DIR)/dask; \
	echo "spark RDD.pipe"; $(SPARK_ENV) $(SCALE_VENV)/bin/python examples/spark_pipe.py $(SCALE_DIR)/docs.jsonl $(SCALE_DIR)/pipe --binary $(NATIVE_BIN); \
	$(SCALE_VENV)/bin/python tests/scale/check_outputs.py --docs $(SCALE_DIR)/docs.jsonl --native $(SCALE_DIR)/native.jsonl \
	  --parquet $(SCALE_DIR)/spark --parquet $(SCALE_DIR)/dask --lines $(SCALE_DIR)/pipe; \
	echo "make test-scale: all passed"

# Throughput of the routes at 1 and 2 threads (README, "Large collections"), on
# BENCH_MB megabytes of ../shared/data texts.
BENCH_MB ?= 20
bench-scale: java native $(SCALE_VENV)/.installed
	@if [ ! -d "$(DATA)" ]; then echo "skipped: $(SKIPPED) (make bench-scale)"; exit 0; fi; \
	set -e; \
	$(call install_python,$(SCALE_VENV)); \
	mkdir -p $(SCALE_DIR); \
	$(SCALE_VENV)/bin/python tests/scale/make_docs.py $(SCALE_DIR)/bench.jsonl --megabytes $(BENCH_MB); \
	TEXTLENS_BIN=$(CURDIR)/$(NATIVE_BIN) $(SCALE_VENV)/bin/python scripts/bench_scale.py $(SCALE_DIR)/bench.jsonl \
	  --routes native,batch,spark,dask,pipe

# The metrics of the dev sets are computed with the same libraries as the published
# anchor figures (NLTK's Porter stemmer, rouge-score), in a virtualenv inside the repo.
VENV := .venv
$(VENV)/.installed: scripts/eval-requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r scripts/eval-requirements.txt
	@touch $@

eval: build $(VENV)/.installed
	$(VENV)/bin/python scripts/eval.py --data $(DATA)

# One run, about two minutes: textlens (wasm under Node, and natively) next to compromise
# and wink-nlp on the same texts, then the targets as PASS/FAIL.
# `make bench BENCH_ARGS=--check` exits non-zero when a target fails.
BENCH_ARGS ?=
bench: build
	node scripts/bench.mjs $(BENCH_ARGS)

bench-ner: build $(VENV)/.installed
	$(VENV)/bin/python scripts/eval.py --data $(DATA) --only ner

# Each dev metric must stay within one point of what was reached (tests/eval_thresholds.json).
# Without ../shared/data, the repository's own Italian and Portuguese texts are still scored.
test-eval:
	@mkdir -p $(LOGS)
	@if [ -d "$(DATA)" ]; then \
	  $(MAKE) --no-print-directory $(VENV)/.installed && \
	  $(VENV)/bin/python scripts/eval.py --data $(DATA) --check tests/eval_thresholds.json 2>&1 | tee $(LOGS)/eval.log; \
	else echo "skipped: $(SKIPPED) (dev-set metrics)" | tee $(LOGS)/eval.log; \
	  python3 scripts/eval.py --data $(DATA) --only names --check tests/eval_thresholds.json 2>&1 | tee -a $(LOGS)/eval.log; fi

# libFuzzer needs nightly Rust; the targets check textlens::invariants, not only "no panic".
FUZZ_TARGETS := analyze document keywords entities summary
FUZZ_SECONDS ?= 600
fuzz:
	@rustup toolchain list | grep -q '^nightly' || { echo "make fuzz needs a nightly toolchain (rustup toolchain install nightly)"; exit 1; }
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	@for target in $(FUZZ_TARGETS); do \
	  echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
	  (cd fuzz && cargo +nightly fuzz run $$target -- -max_total_time=$(FUZZ_SECONDS) -max_len=8192 2>&1 | tail -3) || exit 1; \
	done

# The confidence's calibration is fitted to the model just trained, so the two always ship
# together: English's in src/entities/calibration.rs, another language's inside its model file.
MODEL_LANGUAGES := es nl de fr
model:
	cargo run --release --example train_ner --features train
	cargo run --release --example calibrate_ner --features train
	for language in $(MODEL_LANGUAGES); do \
	  cargo run --release --example train_ner --features train -- $$language && \
	  cargo run --release --example calibrate_ner --features train -- $$language || exit 1; \
	done

clean:
	rm -rf $(PKG) node_modules tests/output
	cargo clean

# marsad: the two commands a newcomer runs are `make demo` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps configure build demo test eval eval-check bench train-ner embed-clusters format clean

all: build

# The setup step: Debian packages, then the web UI's npm packages and its
# build (scripts/build-web.sh: idempotent; exit 2 when node/npm are absent,
# and the web tests then say they are skipped), so that `make test` runs the
# UI's tests on a fresh clone too.
deps:
	@./scripts/install-deps.sh
	@./scripts/build-web.sh; rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 2 ]

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	./$(BUILD)/marsad demo

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600

eval: build
	./scripts/eval.sh $(BUILD)

# The same evaluations, failing when a figure regressed past its threshold
# (tests/eval_thresholds.tsv); EVAL_LOG=file checks a saved run instead.
eval-check: build
	./scripts/eval-check.sh $(BUILD) $(EVAL_LOG)

bench: build
	./scripts/bench.sh $(BUILD)

train-ner: build
	./scripts/train-ner.sh $(BUILD)

embed-clusters: build
	./scripts/embed-clusters.sh $(BUILD)

format:
	find src tools include bench fuzz tests -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)

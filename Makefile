# nandflow: `make` builds everything and runs the main job; `make test` runs every test.
# Both first run `make deps`, which installs what is missing (Debian 12, as root).

BUILD ?= build
JOBS  ?= 2

# Debian packages the build, the tests and the main job use.
DEB_PACKAGES := build-essential cmake ccache python3 \
                yosys berkeley-abc verilator iverilog \
                libgtest-dev libcadical-dev nlohmann-json3-dev zlib1g-dev

# Only `make bench` needs these (plots).
BENCH_PACKAGES := python3-matplotlib
# Debian's python3, which the matplotlib package is installed for.
PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)

.PHONY: all deps deps-bench build main test bench clean help hack-chips

all: main

help:
	@echo "make          build, then synthesise and prove the example designs (main job)"
	@echo "make test     build, then run every test (ctest)"
	@echo "make bench    NAND counts, run time and memory against Yosys and ABC (bench/results/)"
	@echo "make deps     install missing Debian packages (idempotent)"
	@echo "make hack-chips  regenerate sim/hack/generated after changing a chip's ports in rtl/hack"
	@echo "make clean    remove build outputs"

deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(DEB_PACKAGES)"

deps-bench: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(BENCH_PACKAGES)"

install-packages:
	@missing=""; \
	for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then echo "make deps: all dependencies present"; \
	else \
	  echo "make deps: installing$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

main: build
	@tools/scripts/main-job.sh $(BUILD) out/examples

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

bench: deps-bench build
	@$(PYTHON) bench/qor.py --scaling $(BENCH_ARGS)

# The all-chips wrapper Verilator compiles for hacktst and hacksim (committed, because
# CMake needs it at configure time; the test hack.chips_fresh checks it).
hack-chips: build
	@$(BUILD)/bin/hack-chips-gen rtl/hack sim/hack/generated
	@cmake --build $(BUILD) -j$(JOBS)

clean:
	rm -rf $(BUILD) out

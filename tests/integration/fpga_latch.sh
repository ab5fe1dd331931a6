#!/usr/bin/env bash
# Latches through the FPGA flow: a design with an nf_dlatch cell (tests/fpga/latch_blink)
# builds for BOARD; Yosys maps the latch to a LUT loop, and the flow tells nextpnr to ignore
# loops in timing (it stops with an error otherwise). ECP5 boards skip (77) without ECP5 tools.
set -uo pipefail
root=$1; build=$2; board=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$(make --no-print-directory -C "$root/fpga" BOARD="$board" DESIGN=latch_blink DESIGN_DIR="$root/tests/fpga" \
      BUILD="$build" OUT="$work/out" 2>&1)
rc=$?
echo "$out" | tail -3
if grep -q "^SKIPPED" <<<"$out"; then exit 77; fi
[ "$rc" = 0 ] || { echo "FAIL: make fpga exited $rc"; echo "$out" | tail -30; exit 1; }
grep -q 'for cells of type \$_DLATCH' "$work/out/yosys.log" || { echo "FAIL: Yosys mapped no latch"; exit 1; }
grep -q "the design has latches: nextpnr ignores their loops in timing" <<<"$out" \
  || { echo "FAIL: nextpnr was not told to ignore the latch's loop"; exit 1; }
[ -s "$work/out/latch_blink.bin" ] || [ -s "$work/out/latch_blink.bit" ] || { echo "FAIL: no bitstream"; exit 1; }
echo "ok   the latch mapped, placed and routed; bitstream written"

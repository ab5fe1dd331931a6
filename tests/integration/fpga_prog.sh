#!/usr/bin/env bash
# make prog with no board attached: openFPGALoader (the iCEBreaker's programmer) says it
# found no device, make prog adds which board it could not reach, and exits non-zero.
# (A small design, tests/fpga/latch_blink, stands in for the bitstream.)
set -uo pipefail
root=$1; build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$(make --no-print-directory -C "$root/fpga" BOARD=icebreaker DESIGN=latch_blink DESIGN_DIR="$root/tests/fpga" \
      BUILD="$build" OUT="$work/out" prog 2>&1)
rc=$?
echo "$out" | tail -4
[ -s "$work/out/latch_blink.bin" ] || { echo "FAIL: no bitstream to flash"; exit 1; }
[ "$rc" != 0 ] || { echo "FAIL: make prog exited 0 with no board attached"; exit 1; }
grep -q "^openFPGALoader -b ice40_generic .*latch_blink.bin" <<<"$out" || { echo "FAIL: openFPGALoader was not run"; exit 1; }
grep -qiE "device not found|no device|not found" <<<"$out" || { echo "FAIL: no message from the programmer"; exit 1; }
grep -q "make prog: no board found: openFPGALoader could not reach the icebreaker" <<<"$out" \
  || { echo "FAIL: make prog did not say which board it could not reach"; exit 1; }
echo "ok   make prog with no board: the programmer's message, 'no board found', exit $rc"

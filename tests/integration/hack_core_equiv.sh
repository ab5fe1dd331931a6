#!/usr/bin/env bash
# The FPGA SoC's CPU (rtl/soc/HackCore.v) behaves as the chip-built Hack CPU (rtl/hack/CPU.v):
# Yosys's SAT solver checks tests/soc/hack_core_miter.v for every sequence of inputs
# (instructions, M, reset) over the first STEPS clock cycles from power-on. Every state the
# CPUs can reach (any A, D and pc) is reached within 6 cycles (@d, D=A, @p, 0;JMP, @a, with
# D=!A or A=!A for a word whose bit 15 is set), and a wrong step shows at an output (outM,
# addressM, pc) at the next instruction, so 10 cycles cover every state followed by every input.
#   hack_core_equiv.sh ROOT [STEPS]
set -euo pipefail
root=$1; steps=${2:-10}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat >"$work/check.ys" <<YS
read_verilog $root/rtl/hack/*.v $root/rtl/soc/HackCore.v $root/tests/soc/hack_core_miter.v
hierarchy -top hack_core_miter; proc; flatten; opt -fast
sat -seq $steps -prove bad 0 -set-init-zero -verify -show-inputs
YS
if ! yosys -q -l "$work/yosys.log" -s "$work/check.ys" >/dev/null 2>&1; then
  tail -45 "$work/yosys.log"
  echo "FAIL: HackCore differs from rtl/hack/CPU.v"; exit 1
fi
grep -q "SUCCESS" "$work/yosys.log" || { tail -20 "$work/yosys.log"; echo "FAIL: no proof in the log"; exit 1; }
echo "ok   HackCore = CPU.v for every input sequence of $steps cycles from power-on (and matchesA is right)"

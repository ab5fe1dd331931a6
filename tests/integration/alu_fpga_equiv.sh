#!/usr/bin/env bash
# The Hack ALU as FPGA builds compile it (HACK_FPGA: the adder on the carry chain, the zero
# flag from x and y without the carries) is the same function as the gate-level ALU built
# from the nand2tetris chips: Yosys proves every output equal for all inputs (SAT on a miter).
#   alu_fpga_equiv.sh ROOT
set -euo pipefail
root=$1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat >"$work/miter.ys" <<YS
read_verilog -DHACK_FPGA $root/rtl/hack/*.v
hierarchy -top ALU; flatten; rename ALU fpga_alu; design -stash fpga
read_verilog $root/rtl/hack/*.v
hierarchy -top ALU; flatten; rename ALU gate_alu
design -copy-from fpga -as fpga_alu fpga_alu
miter -equiv -flatten -make_assert gate_alu fpga_alu miter
hierarchy -top miter
sat -verify -prove-asserts miter
YS
yosys -q -l "$work/yosys.log" -s "$work/miter.ys" >/dev/null 2>&1 || { tail -30 "$work/yosys.log"; echo "FAIL: the FPGA ALU differs from the gate-level ALU"; exit 1; }
grep -q "SAT proof finished - no model found: SUCCESS" "$work/yosys.log" || { echo "FAIL: no proof in the log"; exit 1; }
echo "ok   ALU (HACK_FPGA) = ALU (gates): proven for all 2^38 inputs"

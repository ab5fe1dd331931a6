#!/usr/bin/env bash
# The Hack CPU through nandflow: synth --verify (PROVEN); the source and the NAND
# netlist co-simulated on 1,000 cycles of random instructions and data; then the
# netlist placed in the Computer (tests/hack/computer_tb.v, Verilator) runs Max, Rect,
# Mult and Golden and leaves RAM and screen exactly as the RTL Computer (hacksim) does.
# Then the CPU as nothing but NAND gates (synth --pure-nand, PROVEN) in the Computer under
# Icarus runs Max and Golden to the same RAM.
set -euo pipefail
nandflow=$1; root=$2; hackasm=$3; hacksim=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$nandflow" synth "$root"/rtl/hack/*.v --top CPU -o "$work/cpu_nand.v" --verify -O1 | tee "$work/log"
grep -q '^PROVEN' "$work/log"
"$nandflow" cosim "$root"/rtl/hack/*.v --top CPU --netlist "$work/cpu_nand.v" --cycles 1000

# The Computer around the NAND CPU: every chip but the CPU's own comes from rtl/hack.
grep -q '^module CPU' "$work/cpu_nand.v"
! grep -qE '^\s*(ALU|Register|PC|Mux16) ' "$work/cpu_nand.v"
r=$root/rtl/hack
verilator --binary -O1 -Wno-fatal --x-assign 0 --x-initial 0 --top-module computer_tb -Mdir "$work/obj" \
  "$root/tests/hack/computer_tb.v" "$r/Computer.v" "$r/ROM32K.v" "$r/Memory.v" "$r/RAM16K.v" \
  "$r/Screen.v" "$r/WordArray.v" "$work/cpu_nand.v" "$work/nf_cells.v" >"$work/verilator.log" 2>&1 \
  || { cat "$work/verilator.log"; exit 1; }

same() {  # same PROGRAM CYCLES LO HI [R0 R1]: NAND-CPU Computer vs RTL Computer
  local prog=$1 cycles=$2 lo=$3 hi=$4 r0=${5:-} r1=${6:-}
  "$hackasm" "$r/programs/$prog.asm" -o "$work/$prog.hack"
  local tb=(+program="$work/$prog.hack" +cycles="$cycles" +lo="$lo" +hi="$hi") sim=()
  [ -n "$r0" ] && tb+=(+r0="$r0" +r1="$r1") && sim+=(--poke 0="$r0" --poke 1="$r1")
  "$work/obj/Vcomputer_tb" "${tb[@]}" | grep '^RAM\[' >"$work/nand.txt"
  "$hacksim" "$work/$prog.hack" --cycles "$cycles" --ram "$lo-$hi" "${sim[@]}" >"$work/rtl.txt"
  [ "$(wc -l <"$work/rtl.txt")" = $((hi - lo + 1)) ] || { echo "FAIL: hacksim printed too little"; exit 1; }
  diff "$work/rtl.txt" "$work/nand.txt" >/dev/null || { echo "FAIL: $prog differs:"; diff "$work/rtl.txt" "$work/nand.txt" | head; exit 1; }
  echo "ok   $prog ${r0:+R0=$r0 R1=$r1 }RAM[$lo..$hi] identical: $(head -c 60 "$work/nand.txt" | tr '\n' ' ')"
}
same Max 50 0 2 -7 12
same Max 50 0 2 300 -12
same Rect 300 0 20 7 0
same Rect 300 16384 16640 7 0   # the first 8 screen rows: a 16x7 rectangle
grep -q "RAM\[16576\] = -1" "$work/nand.txt" && grep -q "RAM\[16608\] = 0" "$work/nand.txt"
same Mult 300 0 2 6 7
same Golden 2000 0 3

# The pure-NAND CPU: its flip-flops are NAND latches too; Icarus settles their loops.
"$nandflow" synth "$root"/rtl/hack/*.v --top CPU --pure-nand -o "$work/cpu_pure.v" --verify -O1 | tee "$work/log"
grep -q '^PROVEN' "$work/log"
! grep -vE '^\s*(//|/\*|$)' "$work/cpu_pure.v" | sed '/^`ifndef SYNTHESIS/,/^`endif/d' \
  | grep -qvE '^\s*(module |endmodule|input wire|output wire|wire |\(\* nf_state|nand [A-Za-z_][A-Za-z0-9_$]* \(|assign )'
iverilog -g2005 -o "$work/pure.vvp" -s computer_tb "$root/tests/hack/computer_tb.v" "$r/Computer.v" "$r/ROM32K.v" \
  "$r/Memory.v" "$r/RAM16K.v" "$r/Screen.v" "$r/WordArray.v" "$work/cpu_pure.v"
same_pure() {  # same_pure PROGRAM CYCLES LO HI [R0 R1]: pure-NAND Computer in Icarus vs hacksim
  local prog=$1 cycles=$2 lo=$3 hi=$4 r0=${5:-} r1=${6:-}
  "$hackasm" "$r/programs/$prog.asm" -o "$work/$prog.hack"
  local tb=(+program="$work/$prog.hack" +cycles="$cycles" +lo="$lo" +hi="$hi") sim=()
  [ -n "$r0" ] && tb+=(+r0="$r0" +r1="$r1") && sim+=(--poke 0="$r0" --poke 1="$r1")
  vvp -n "$work/pure.vvp" "${tb[@]}" | grep '^RAM\[' >"$work/pure.txt"
  "$hacksim" "$work/$prog.hack" --cycles "$cycles" --ram "$lo-$hi" "${sim[@]}" >"$work/rtl.txt"
  diff "$work/rtl.txt" "$work/pure.txt" >/dev/null || { echo "FAIL: $prog differs in pure NAND:"; diff "$work/rtl.txt" "$work/pure.txt" | head; exit 1; }
  echo "ok   pure NAND, Icarus: $prog RAM[$lo..$hi] identical: $(head -c 60 "$work/pure.txt" | tr '\n' ' ')"
}
same_pure Max 50 0 2 -7 12
same_pure Golden 2000 0 3

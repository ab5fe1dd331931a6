#!/usr/bin/env bash
# Random-design differential testing, a fixed-seed slice (make fuzz runs long campaigns):
# for each seed FIRST..LAST, nandflow-random-design --small writes a module and
# nandflow synth --verify must PROVE its netlist; the effort level cycles with the seed
# (-O0 .. -O3), so every level sees a quarter of the designs. Every netlist is also
# co-simulated against its source in Icarus (the generator's self-checking testbench, 200
# cycles), every 25th in Verilator too (nandflow cosim), and every 10th checked by Yosys alone
# (independent_check.sh --miter: a counterexample fails the test, an induction that does not
# close is counted).
set -uo pipefail
nandflow=$1; gen=$2; first=$3; last=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0; checked=0; proven=0; undecided=0; cosims=0
here=$(cd "$(dirname "$0")" && pwd)
for ((s = first; s <= last; s++)); do
  "$gen" "$s" --small -o "$work/d.v" --testbench "$work/tb.v"
  level=$((s % 4))
  if ! "$nandflow" synth "$work/d.v" -o "$work/n.v" --verify -O$level --time-limit 60 >"$work/log" 2>&1 \
     || ! grep -q '^PROVEN' "$work/log"; then
    echo "FAIL seed $s -O$level: $(grep -m1 -E 'NOT EQUIVALENT|nandflow:' "$work/log")"
    fail=$((fail + 1))
    continue
  fi
  sed 's/^module random_design /module random_design_net /' "$work/n.v" >"$work/net.v"
  if ! iverilog -g2012 -o "$work/tb.vvp" "$work/d.v" "$work/net.v" "$work/nf_cells.v" "$work/tb.v" 2>"$work/iv.log" \
     || ! vvp -n "$work/tb.vvp" >"$work/sim.log" || ! grep -q '^PASS' "$work/sim.log"; then
    echo "FAIL seed $s -O$level: Icarus co-simulation"; cat "$work/iv.log"; tail -6 "$work/sim.log"
    fail=$((fail + 1))
    continue
  fi
  cosims=$((cosims + 1))
  if [ $((s % 10)) = 0 ]; then
    checked=$((checked + 1))
    verdict=$("$here/independent_check.sh" --miter "$work/d.v" random_design "$work/n.v"); rc=$?
    case $rc in
      0) proven=$((proven + 1)) ;;
      3) undecided=$((undecided + 1)); echo "seed $s: $verdict" ;;
      *) echo "FAIL seed $s: $verdict"; fail=$((fail + 1)) ;;
    esac
  fi
  if [ $((s % 25)) = 0 ]; then
    "$nandflow" cosim "$work/d.v" --netlist "$work/n.v" --cycles 200 >"$work/cosim.log" 2>&1 \
      || { echo "FAIL seed $s: cosim"; tail -5 "$work/cosim.log"; fail=$((fail + 1)); }
  fi
done
echo "$((last - first + 1)) random designs (seeds $first..$last): $fail failing; $cosims co-simulated in Icarus;" \
  "independently checked by Yosys: $checked, proven $proven, undecided $undecided, refuted $((checked - proven - undecided))"
[ "$fail" = 0 ]

#!/usr/bin/env bash
# Yosys internal cells that reach nandflow from other front ends: $bmux, $demux and $sop
# (a Yosys JSON netlist, made here from tests/designs/internal_cells.v with read_verilog
# -icells) and $lut (BLIF .names tables, tests/designs/luts.blif). Each is synthesised with
# --verify (PROVEN) and co-simulated against Yosys's own rendering of the source.
set -euo pipefail
nandflow=$1; designs=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
yosys -q -p "read_verilog -icells $designs/internal_cells.v; hierarchy -top internal_cells; write_json $work/internal_cells.json"
grep -q '"\$bmux"' "$work/internal_cells.json" && grep -q '"\$demux"' "$work/internal_cells.json" \
  && grep -q '"\$sop"' "$work/internal_cells.json"
for src in "$work/internal_cells.json" "$designs/luts.blif"; do
  echo "== $(basename "$src")"
  "$nandflow" synth "$src" --verify -o "$work/net.v" | tee "$work/log"
  grep -q '^PROVEN' "$work/log"
  "$nandflow" cosim "$src" --netlist "$work/net.v" --cycles 1000
done
echo OK

#!/usr/bin/env bash
# synth --pure-nand: flip-flops and latches drawn as NAND gates too. For each design:
#   1. synth --pure-nand --verify: PROVEN (verify cuts the NAND loops back into latches
#      and pairs a flip-flop's master and slave with the source's flip-flop);
#   2. the netlist holds nothing but `nand` primitives (and wires, ports, assigns), as many
#      as the report's NAND equivalent;
#   3. Icarus co-simulates it against the source for 1,000 random cycles.
# Usage: pure_nand.sh NANDFLOW DIR FILE TOP [FILE TOP]...
set -euo pipefail
nandflow=$1; dir=$2; shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
while [ $# -ge 2 ]; do
  file=$1; top=$2; shift 2
  echo "== $file (top $top)"
  "$nandflow" synth "$dir/$file" --top "$top" --pure-nand --verify -o "$work/$top.v" --json "$work/$top.json" \
    | tee "$work/$top.log"
  grep -q '^PROVEN' "$work/$top.log"
  [ ! -e "$work/nf_cells.v" ] || { echo "FAIL: a pure-NAND netlist needs no nf_cells.v"; exit 1; }
  # The simulation-only power-up block (`ifndef SYNTHESIS) aside.
  bad=$(sed '/^`ifndef SYNTHESIS/,/^`endif/d' "$work/$top.v" | grep -vE '^\s*(//|/\*|$)' \
    | grep -vE '^\s*(module |endmodule|input wire|output wire|wire |\(\* nf_state = "[^"]*" \*\) wire |nand [A-Za-z_][A-Za-z0-9_$]* \(|assign )' || true)
  if [ -n "$bad" ]; then echo "FAIL: lines that are not NAND gates:"; echo "$bad" | head; exit 1; fi
  nands=$(grep -cE '^\s*nand ' "$work/$top.v")
  equiv=$(sed -n 's/.*"nand_equivalent": *\([0-9]*\).*/\1/p' "$work/$top.json")
  [ "$nands" = "$equiv" ] || { echo "FAIL: $nands nand gates, but the report's NAND equivalent is $equiv"; exit 1; }
  echo "nand primitives: $nands (= the NAND equivalent)"
  "$nandflow" cosim "$dir/$file" --top "$top" --netlist "$work/$top.v" --simulator icarus --cycles 1000
done
echo "OK"

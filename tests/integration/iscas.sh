#!/usr/bin/env bash
# Every ISCAS-85 and ISCAS-89 circuit in ../shared/bench through synth --verify and
# cosim. Exit 77 (ctest: skipped) with a message when the folder is absent.
set -euo pipefail
nandflow=$1; bench=$2
if [ ! -d "$bench/iscas85" ]; then
  echo "SKIPPED: $bench not present (the ISCAS benchmarks live in ../shared/bench)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count=0
for f in "$bench"/iscas85/*.v "$bench"/iscas85/*.aig "$bench"/iscas89/*.v; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  "$nandflow" synth "$f" -o "$work/net.v" --verify -O1 >"$work/synth.log" 2>&1 || { cat "$work/synth.log"; exit 1; }
  grep -q '^PROVEN' "$work/synth.log"
  nands=$(awk '/NAND2 gates/ {print $3}' "$work/synth.log")
  "$nandflow" cosim "$f" --cycles 1000 --netlist "$work/net.v" >"$work/cosim.log" 2>&1 || { cat "$work/cosim.log"; exit 1; }
  echo "ok   $name: $nands NAND2, PROVEN, $(grep PASS "$work/cosim.log")"
  count=$((count + 1))
done
echo "$count ISCAS circuits synthesised, proven and co-simulated"

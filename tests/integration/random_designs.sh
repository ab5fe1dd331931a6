#!/usr/bin/env bash
# Random-design differential testing, a fixed-seed slice (make fuzz runs long campaigns):
# for each seed FIRST..LAST, nandflow-random-design --small writes a module and
# nandflow synth --verify must PROVE its netlist; the effort level cycles with the seed
# (-O0 .. -O3), so every level sees a quarter of the designs. Every 25th design is also
# co-simulated against its source in Verilator (200 cycles).
set -uo pipefail
nandflow=$1; gen=$2; first=$3; last=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for ((s = first; s <= last; s++)); do
  "$gen" "$s" --small -o "$work/d.v"
  level=$((s % 4))
  if ! "$nandflow" synth "$work/d.v" -o "$work/n.v" --verify -O$level --time-limit 2 >"$work/log" 2>&1 \
     || ! grep -q '^PROVEN' "$work/log"; then
    echo "FAIL seed $s -O$level: $(grep -m1 -E 'NOT EQUIVALENT|nandflow:' "$work/log")"
    fail=$((fail + 1))
    continue
  fi
  if [ $((s % 25)) = 0 ]; then
    "$nandflow" cosim "$work/d.v" --netlist "$work/n.v" --cycles 200 >"$work/cosim.log" 2>&1 \
      || { echo "FAIL seed $s: cosim"; tail -5 "$work/cosim.log"; fail=$((fail + 1)); }
  fi
done
echo "$((last - first + 1)) random designs (seeds $first..$last): $fail failing"
[ "$fail" = 0 ]

#!/usr/bin/env bash
# The same input and options give the same netlist, byte for byte: nandflow bounds every
# pass by work, never by time. Each design is synthesised three times: with an empty
# exact-synthesis cache and the default threads; again with the cache that run filled
# (its answers must not change the result either); and a third time on one thread while
# busy loops keep both cores loaded. All three netlists must be identical and proven.
set -euo pipefail
nandflow=$1; shift
work=$(mktemp -d)
hogs=()
cleanup() { for p in "${hogs[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export NANDFLOW_CACHE_DIR=$work/cache
while [ $# -ge 2 ]; do
  src=$1 top=$2; shift 2
  "$nandflow" synth "$src" --top "$top" -o "$work/a/$top.v" --json "$work/a.json" >"$work/a.log" 2>&1 || { cat "$work/a.log"; exit 1; }
  "$nandflow" synth "$src" --top "$top" -o "$work/b/$top.v" >"$work/b.log" 2>&1 || { cat "$work/b.log"; exit 1; }
  for _ in 1 2 3; do (while :; do :; done) & hogs+=($!); done
  "$nandflow" synth "$src" --top "$top" -o "$work/c/$top.v" --threads 1 --verify >"$work/c.log" 2>&1 || { cat "$work/c.log"; exit 1; }
  for p in "${hogs[@]}"; do kill "$p" 2>/dev/null || true; done
  hogs=()
  grep -q '^PROVEN' "$work/c.log" || { cat "$work/c.log"; exit 1; }
  if grep -q '"stopped_by_time_limit": true' "$work/a.json"; then echo "FAIL: $top hit the safety time limit"; exit 1; fi
  cmp "$work/a/$top.v" "$work/b/$top.v" || { echo "FAIL: $top: a second run (cache filled) gave another netlist"; exit 1; }
  cmp "$work/a/$top.v" "$work/c/$top.v" || { echo "FAIL: $top: a run on one thread beside busy loops gave another netlist"; exit 1; }
  echo "ok   $top: three runs, one netlist ($(grep -c ' nand ' "$work/a/$top.v") NAND2), the last proven"
done

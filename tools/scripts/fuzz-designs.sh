#!/usr/bin/env bash
# Random-design differential testing (make fuzz): nandflow-random-design writes a module,
# nandflow synth --verify must prove its netlist at every effort level, and the netlist must
# agree with the module in Icarus (the generator's self-checking testbench). Failing designs
# are kept in out/fuzz/ with the log.
#   tools/scripts/fuzz-designs.sh [BUILD_DIR] [--seed S] [--count N] [--minutes M] [--small]
set -uo pipefail
build=build
seed=1; count=100; minutes=0; size=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --small) size=--small; shift ;;
    --help|-h) sed -n 2,5p "$0"; exit 0 ;;
    *) build=$1; shift ;;
  esac
done
root=$(cd "$(dirname "$0")/../.." && pwd)
gen="$build/bin/nandflow-random-design"; nandflow="$build/bin/nandflow"
out="$root/out/fuzz"; mkdir -p "$out"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
deadline=$(( $(date +%s) + minutes * 60 ))
done_count=0; failed=0
for ((s = seed; ; s++)); do
  [ "$minutes" -gt 0 ] && [ "$(date +%s)" -ge "$deadline" ] && break
  [ "$minutes" -eq 0 ] && [ "$done_count" -ge "$count" ] && break
  "$gen" "$s" $size -o "$work/d.v" --testbench "$work/tb.v"
  for level in 0 1 2 3; do
    if ! "$nandflow" synth "$work/d.v" -o "$work/n.v" --verify -O$level --time-limit 60 >"$work/log" 2>&1 \
       || ! grep -q '^PROVEN' "$work/log" \
       || ! sed 's/^module random_design /module random_design_net /' "$work/n.v" >"$work/net.v" \
       || ! iverilog -g2012 -o "$work/tb.vvp" "$work/d.v" "$work/net.v" "$work/nf_cells.v" "$work/tb.v" >>"$work/log" 2>&1 \
       || ! vvp -n "$work/tb.vvp" >>"$work/log" 2>&1 || ! grep -q '^PASS' "$work/log"; then
      failed=$((failed + 1))
      cp "$work/d.v" "$out/seed$s.v"; cp "$work/log" "$out/seed$s-O$level.log"
      echo "FAIL seed $s -O$level: $(grep -m1 -E 'NOT EQUIVALENT|nandflow:|MISMATCH|FAIL' "$work/log")"
      break
    fi
  done
  done_count=$((done_count + 1))
  [ $((done_count % 10)) = 0 ] && echo "$done_count designs, $failed failing"
done
echo "fuzz: $done_count designs from seed $seed, $failed failing (kept in out/fuzz/)"
[ "$failed" = 0 ]

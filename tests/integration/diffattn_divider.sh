#!/usr/bin/env bash
# The softmax unit's divider, r = floor(2^38 / l), against the division itself:
# tests/diffattn/divider_tb.v in iverilog (22,193 divisors: the range's ends, every power of
# two and its neighbours, 20,000 random ones with pauses between steps).
#   diffattn_divider.sh ROOT
set -euo pipefail
root=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
iverilog -g2012 -o "$work/tb.vvp" "$root/tests/diffattn/divider_tb.v" "$root/rtl/diffattn/diffattn_divider.v"
vvp -n "$work/tb.vvp" | tee "$work/out.txt"
grep -q "^ok " "$work/out.txt"

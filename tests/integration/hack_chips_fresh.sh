#!/usr/bin/env bash
# sim/hack/generated (the all-chips wrapper and pin table) is what hack-chips-gen
# writes from rtl/hack today: a chip added or changed without `make hack-chips` fails.
set -uo pipefail
gen=$1; root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gen" "$root/rtl/hack" "$work" >/dev/null || { echo "FAIL: hack-chips-gen"; exit 1; }
for f in HackChips.v hack_chips_pins.inc; do
  diff -u "$root/sim/hack/generated/$f" "$work/$f" || { echo "FAIL: $f is stale: run make hack-chips"; exit 1; }
done
grep -q "Computer Computer_i" "$work/HackChips.v" || { echo "FAIL: no Computer in the wrapper"; exit 1; }
echo "ok   sim/hack/generated is fresh"

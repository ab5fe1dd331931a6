#!/usr/bin/env bash
# The Hack CPU through nandflow: synth --verify (PROVEN), then the source and the
# NAND netlist co-simulated on 1,000 cycles of random instructions and data.
set -euo pipefail
nandflow=$1; root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$nandflow" synth "$root"/rtl/hack/*.v --top CPU -o "$work/cpu_nand.v" --verify -O1 --time-limit 30 | tee "$work/log"
grep -q '^PROVEN' "$work/log"
"$nandflow" cosim "$root"/rtl/hack/*.v --top CPU --netlist "$work/cpu_nand.v" --cycles 1000

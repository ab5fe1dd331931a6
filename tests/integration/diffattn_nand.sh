#!/usr/bin/env bash
# The accelerator as NAND gates: a small configuration (N = 8, d = dv = 4, no RMSNorm)
# through nandflow synth --verify (PROVEN: every output and every flip-flop's next state
# equal to the source's; README, "The accelerator in NAND gates"). Run in
# rtl/diffattn/tables, where the RTL's $readmemh finds exp2.hex. At -O1 (ABC's starts
# and 3-input windows): what is tested is the proof on a large sequential design; the
# main job (make) gives the default effort's count.
set -euo pipefail
nandflow=$1; root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root/rtl/diffattn/tables"
params=(--top diffattn -p NMAX=8 -p DMAX=4 -p DVMAX=4 -p HAS_NORM=0)
"$nandflow" synth ../diffattn*.v "${params[@]}" -O1 -o "$work/diffattn_nand.v" --verify \
  --json "$work/report.json" | tee "$work/log"
grep -q '^PROVEN' "$work/log"
grep -q '"nand2": [1-9]' "$work/report.json"
grep -q '^module diffattn' "$work/diffattn_nand.v"

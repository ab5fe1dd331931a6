#!/usr/bin/env bash
# The iCE40 build's lanes on SB_MAC16 (DIFFATTN_SB_MAC16: narrow lanes two to a DSP in 8 x 8
# mode, SHARED OUT lanes one to a DSP in 16 x 16 mode) compute what the behavioural lanes
# compute, which every other test runs: tests/diffattn/lanes_pairs_tb.v drives both with the
# same random issues in iverilog, the DSP through Yosys's simulation model of it
# (ice40/cells_sim.v).
#   diffattn_dsp_pairs.sh ROOT
set -euo pipefail
root=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cells=$(dirname "$(readlink -f "$(command -v yosys)")")/../share/yosys/ice40/cells_sim.v  # Yosys's cell models
lanes() {  # lanes NAME DEFINE: a copy of the lanes named NAME, DIFFATTN_SB_MAC16 defined or not
  { echo "\`$2 DIFFATTN_SB_MAC16"
    sed -e "s/^module diffattn_lanes #(/module $1 #(/" "$root/rtl/diffattn/diffattn_lanes.v"; } >"$work/$1.v"
  grep -q "module $1 #(" "$work/$1.v"
}
lanes lanes_beh undef
lanes lanes_dsp define
iverilog -g2012 -DNO_ICE40_DEFAULT_ASSIGNMENTS -o "$work/tb.vvp" "$root/tests/diffattn/lanes_pairs_tb.v" \
  "$work/lanes_beh.v" "$work/lanes_dsp.v" "$root/rtl/diffattn/diffattn_mul16.v" "$cells"
vvp -n "$work/tb.vvp" | tee "$work/out.txt"
grep -q "^ok " "$work/out.txt"

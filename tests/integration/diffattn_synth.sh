#!/usr/bin/env bash
# The differential-attention RTL synthesises cleanly for the iCE40 UP5K (synth_ice40 -dsp:
# multipliers in SB_MAC16, buffers in block RAM) and the ECP5-25F (synth_ecp5: MULT18X18D,
# DP16KD), within each chip's resources. Place and route is the FPGA flow's.
set -euo pipefail
root=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/rtl/diffattn/tables/exp2.hex" "$root/rtl/diffattn/tables/rsqrt.hex" "$work/"
cd "$work"
synth() {  # synth NAME "PARAMS" "SYNTH COMMAND" [DEFINES]
  "$root/fpga/yosys.sh" "$PWD/$1.log" -p "read_verilog ${4:-} $root/rtl/diffattn/diffattn*.v; chparam $2 diffattn; $3 -top diffattn -json $1.json"
  ! grep -q "^ERROR\|Warning: Replacing memory\|Latch inferred" "$1.log"
}
limits() {  # limits NAME CELL=MAX... CELL==N...: count cells in the netlist, fail above MAX, or unless N
  python3 - "$@" <<'PY'
import json, sys
name, *limits = sys.argv[1:]
cells = next(m for m in json.load(open(name + ".json"))["modules"].values() if "top" in m.get("attributes", {}))["cells"]
count = {}
for c in cells.values():
    count[c["type"]] = count.get(c["type"], 0) + 1
print(name, {k: v for k, v in sorted(count.items())})
for lim in limits:
    exact = "==" in lim
    prefix, most = lim.replace("==", "=").split("=")
    n = sum(v for k, v in count.items() if k.startswith(prefix))
    assert n <= int(most), f"{name}: {n} {prefix} cells, more than the chip's {most}"
    assert not exact or n == int(most), f"{name}: {n} {prefix} cells, not all {most} of the chip's"
    assert prefix not in ("SB_MAC16", "MULT18X18D", "SB_RAM40", "DP16KD", "SB_SPRAM") or n > 0, f"{name}: no {prefix}: not inferred"
PY
}
# UP5K (the iCEBreaker build): DOT and OUT on lanes of their own (SPLIT), six narrow (8 x 8)
# DOT lanes two per DSP on 3 of its DSPs, four 16 x 16 OUT lanes on 4 (which the softmax unit
# borrows for lambda a2 and the maps' p r), the score unit's multiplier on the last (all 8);
# N up to 128, with O in two of its four SPRAMs and Q in a third (O_SPRAM, Q_SPRAM,
# synth_ice40 -spram), the other buffers in 25 of its 30 block RAMs (K three banks of both
# maps, V two banks to a block RAM), and the RMSNorm's wide multiplier left out. ECP5-25F:
# sixteen lanes and the RMSNorm, 24 of its 28 multipliers.
synth up5k "-set NMAX 128 -set DMAX 16 -set DVMAX 16 -set LANES 6 -set NARROW 1 -set SPLIT 1 -set OUT_LANES 4 -set HAS_NORM 0 -set O_SPRAM 1 -set Q_SPRAM 1" \
  "synth_ice40 -dsp -spram" -DDIFFATTN_SB_MAC16
limits up5k SB_LUT4=5280 SB_MAC16==8 SB_RAM40=25 SB_SPRAM=3
synth ecp5_25f "-set NMAX 128 -set DMAX 32 -set DVMAX 32 -set LANES 16" "synth_ecp5"
limits ecp5_25f LUT4=24288 MULT18X18D=28 DP16KD=56
echo "ok   UP5K (N 128, d 16, dv 16, 6 narrow DOT lanes and 4 OUT lanes, all 8 DSPs, no RMSNorm) and ECP5-25F (N 128, d 32, dv 32, 16 lanes, RMSNorm) configurations fit"

#!/usr/bin/env bash
# The main job: synthesise the project's own designs (the examples, the Hack CPU, the
# accelerator's small configuration) to NAND netlists, prove each equivalent to its source,
# and print the NAND-count table next to Yosys's; draw the full adder and the Hack ALU as
# interactive pages (nandflow view); run the golden-ratio program on the Hack
# computer, in Verilator and with the CPU as nothing but NAND gates in Icarus; build the iCEBreaker bitstream of the Hack SoC; run the accelerator's checks.
# Usage: tools/scripts/main-job.sh BUILD_DIR OUT_DIR
set -euo pipefail
build=${1:-build}
out=${2:-out/examples}
nandflow="$build/bin/nandflow"
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"

reports=()
while read -r file top; do
  case "$file" in ''|'#'*) continue ;; esac
  echo "nandflow synth rtl/examples/$file --top $top --verify --compare-yosys" >&2
  # shellcheck disable=SC2086  # a file entry may be a glob (../hack/*.v)
  "$nandflow" synth $root/rtl/examples/$file --top "$top" -o "$out/${top}_nand.v" \
      --json "$out/${top}.json" --verify --compare-yosys >"$out/${top}.log" \
    || { cat "$out/${top}.log"; echo "main job: $top failed" >&2; exit 1; }
  grep -q '^PROVEN' "$out/${top}.log" || { cat "$out/${top}.log"; exit 1; }
  reports+=("$out/${top}.json")
done <"$root/rtl/examples/designs.txt"

# The differential-attention accelerator, in its small configuration (N 8, d = dv 4, two MAC
# lanes, no RMSNorm), at the default effort (bounded by work: the same count on any
# machine); run in its tables' folder, where its $readmemh finds them.
echo "nandflow synth rtl/diffattn/diffattn*.v --top diffattn -p NMAX=8 -p DMAX=4 -p DVMAX=4 -p HAS_NORM=0 --verify" >&2
outdir=$(cd "$out" && pwd)
nandflow_abs=$(readlink -f "$nandflow")
(cd "$root/rtl/diffattn/tables" && "$nandflow_abs" synth ../diffattn*.v --top diffattn -p NMAX=8 -p DMAX=4 -p DVMAX=4 \
    -p HAS_NORM=0 -o "$outdir/diffattn_nand.v" --json "$outdir/diffattn.json" --verify) >"$out/diffattn.log" \
  || { cat "$out/diffattn.log"; echo "main job: diffattn failed" >&2; exit 1; }
grep -q '^PROVEN' "$out/diffattn.log" || { cat "$out/diffattn.log"; exit 1; }
reports+=("$out/diffattn.json")

python3 - "${reports[@]}" <<'PY'
import json, sys
rows = [json.load(open(p)) for p in sys.argv[1:]]
print()
print(f"{'design':<14} {'NAND2':>6} {'FFs':>4} {'NAND eq':>8} {'depth':>6} {'yosys (same FFs)':>17} {'yosys synth':>12}  proven")
for r in rows:
    fair = r["yosys_abc_nand_same_flops"]
    fair = "-" if fair is None else fair  # not run on a large design
    y = r.get("yosys_abc_nand") or {}
    hidden = y.get("flip_flops_with_enable_or_sync_reset", 0)
    lit = f"{y['total']}{'*' if hidden else ''}" if "total" in y else "-"  # not run on a large design
    print(f"{r['top']:<14} {r['nand2']:>6} {r['flip_flops']:>4} {r['nand_equivalent']:>8} {r['depth']:>6} {fair:>17} {lit:>12}  yes")
print()
print("NAND eq: flip-flops priced at their all-NAND equivalent (nf_dff = 9, see nf_cells.v).")
print("yosys (same FFs): synth -flatten; dfflegalize to nandflow's flip-flops; abc -g NAND (NOT = 1 NAND).")
print("yosys synth: synth -flatten; abc -g NAND. * = some of its flip-flops keep an enable or")
print("  synchronous reset inside the cell, so that logic is missing from its count.")
print("diffattn: the differential-attention accelerator with N 8, d = dv 4, 2 MAC lanes, no RMSNorm;")
print("  Yosys's comparison (-) is not run on a design this large.")
PY

# Pages that draw and simulate the netlists in a browser (no server needed).
echo
for args in "rtl/examples/full_adder.v -o $outdir/full_adder.html" "rtl/hack/*.v --top ALU -o $outdir/ALU.html"; do
  echo "nandflow view $args"
  # shellcheck disable=SC2086  # the arguments hold a glob
  (cd "$root" && "$nandflow_abs" view $args 2>/dev/null) || { echo "main job: nandflow view failed" >&2; exit 1; }
done

# The golden-ratio program on the Hack computer (Verilator).
echo
echo "hacksim rtl/hack/programs/Golden.asm --cycles 2000 --ram 0-1   (phi and 1-phi, scaled by 8192)"
"$build/bin/hacksim" "$root/rtl/hack/programs/Golden.asm" --cycles 2000 --ram 0-1

# The Hack CPU as nothing but NAND gates (flip-flops drawn as master-slave NAND latches),
# proven, and the Computer around it running the golden-ratio program in Icarus, which
# simulates the gates' loops event by event.
echo
echo "nandflow synth rtl/hack/*.v --top CPU --pure-nand --verify   (the CPU, flip-flops included, as NAND gates)"
"$nandflow" synth "$root"/rtl/hack/*.v --top CPU --pure-nand --verify -o "$out/CPU_pure_nand.v" >"$out/CPU_pure_nand.log" \
  || { cat "$out/CPU_pure_nand.log"; echo "main job: the pure-NAND CPU failed" >&2; exit 1; }
grep -q '^PROVEN' "$out/CPU_pure_nand.log" || { cat "$out/CPU_pure_nand.log"; exit 1; }
echo "PROVEN: the Hack CPU is $(grep -cE '^\s*nand ' "$out/CPU_pure_nand.v") NAND gates and nothing else"
echo "Golden on the Computer with that CPU (Icarus):"
"$build/bin/hackasm" "$root/rtl/hack/programs/Golden.asm" -o "$out/Golden.hack"
r=$root/rtl/hack
iverilog -g2005 -o "$out/computer_pure_nand.vvp" -s computer_tb "$root/tests/hack/computer_tb.v" "$r/Computer.v" \
  "$r/ROM32K.v" "$r/Memory.v" "$r/RAM16K.v" "$r/Screen.v" "$r/WordArray.v" "$out/CPU_pure_nand.v"
vvp -n "$out/computer_pure_nand.vvp" +program="$out/Golden.hack" +cycles=2000 +lo=0 +hi=1 | grep '^RAM\['

# The Hack SoC on the default board: the bitstream and its summary (Yosys, nextpnr, IceStorm).
echo
echo "make fpga BOARD=icebreaker DESIGN=hack   (the Hack CPU printing 'Hello, Hack!' over the UART)"
make --no-print-directory -C "$root/fpga" BOARD=icebreaker DESIGN=hack BUILD="$(cd "$build" && pwd)" >"$out/fpga.log" 2>&1 \
  || { tail -30 "$out/fpga.log"; echo "main job: the iCEBreaker bitstream failed" >&2; exit 1; }
tail -2 "$out/fpga.log"
echo "bitstream: out/fpga/hack-icebreaker/hack.bin  (flash with: make prog BOARD=icebreaker)"

# The differential-attention accelerator: its RTL in Verilator against the bit-exact model,
# and the model against float64.
echo
echo "diffattn-tb --cases 100   (rtl/diffattn in Verilator vs the fixed-point model)"
"$build/bin/diffattn-tb" --cases 100 | tail -1
echo "diffattn-demo   (softmax vs differential attention, computed by the RTL: out/examples/diffattn-demo.svg, a labelled figure)"
"$build/bin/diffattn-demo" -o "$out/diffattn-demo.svg" | sed -n '/^differential: softmax/,/^q7/p;/^exactly zero/,/^negative/p;/lie outside/p'
echo "diffattn-model --accuracy --seeds 5   (fixed point vs float64, same int8 inputs)"
"$build/bin/diffattn-model" --accuracy --seeds 5

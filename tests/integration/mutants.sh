#!/usr/bin/env bash
# The checker on its own: Yosys's `mutate` pass makes mutants of nandflow netlists of the
# 16-bit adder and the counter (flip-flops, reset): a gate's input or output inverted or tied
# to 0 or 1, on the gate's own port (a mutated named wire may be a mere alias). nandflow
# verify and Yosys's equiv_* must agree on every mutant: refused by nandflow and not proven
# by Yosys (a fault), or proven by both (the mutated gate was redundant: no fault). At least
# 100 faults must be refused.
set -uo pipefail
nandflow=$1; root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
total=0
equivalent=0
for spec in "adder16 250" "counter 300"; do
  read -r top count <<<"$spec"
  src=$root/rtl/examples/$top.v
  # -O1 run to its fixpoint (no time limit reached): the same netlist, and mutants, every time.
  "$nandflow" synth "$src" -o "$work/net.v" -O1 >/dev/null || { echo "FAIL: synth $top"; exit 1; }
  read_net="read_verilog $work/net.v; read_verilog -lib $work/nf_cells.v; hierarchy -top $top; proc"
  yosys -q -p "$read_net; mutate -list $count -seed 7 -o $work/all.ys $top" || { echo "FAIL: yosys mutate"; exit 1; }
  # Mutations of a cell's own port (not of a wire that may be an alias of it), and not of a
  # flip-flop's clock: Yosys's equiv_* does not model clock edges (it "proves" a flip-flop
  # clocked on the wrong edge), so it cannot be the second opinion there; nandflow compares
  # clocks (cli.mutation and the units cover that).
  grep -v -e " -wire " -e " -port C " "$work/all.ys" >"$work/muts.ys"
  expected=$(wc -l <"$work/muts.ys")
  n=0; refused=0
  while read -r mutation; do
    n=$((n + 1))
    yosys -q -p "$read_net; $mutation; opt_clean; write_verilog -noattr $work/m.v" \
      || { echo "FAIL: cannot apply $mutation"; exit 1; }
    out=$("$nandflow" verify "$src" "$work/m.v" --top "$top" 2>&1)  # nf_cells.v beside m.v
    nandflow_rc=$?
    "$(dirname "$0")/independent_check.sh" "$src" "$top" "$work/m.v" >/dev/null
    yosys_rc=$?
    if [ "$nandflow_rc" != 0 ]; then
      grep -q "NOT EQUIVALENT" <<<"$out" || { echo "FAIL: mutant $n: $out"; exit 1; }
      [ "$yosys_rc" != 0 ] || { echo "FAIL: Yosys proves mutant $n that nandflow refuses: $mutation"; exit 1; }
      refused=$((refused + 1))
    else
      [ "$yosys_rc" = 0 ] || { echo "FAIL: nandflow proves mutant $n, Yosys does not: $mutation"; exit 1; }
      equivalent=$((equivalent + 1))
    fi
  done <"$work/muts.ys"
  [ "$n" = "$expected" ] && [ "$n" -gt 20 ] || { echo "FAIL: $n mutants of $top, expected $expected"; exit 1; }
  echo "ok   $n mutants of $top: $refused refused by nandflow verify and not proven by Yosys"
  total=$((total + refused))
done
[ "$total" -ge 100 ] || { echo "FAIL: only $total faults"; exit 1; }
echo "ok   $total faulty mutants refused; $equivalent mutants proven equivalent by both tools (redundant gates)"

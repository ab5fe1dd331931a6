#!/usr/bin/env bash
# Every netlist format of `nandflow synth -o` read back by the tool it is for, and
# proven equivalent to the source there:
#   .blif .aig .bench  Berkeley ABC: cec (combinational) or dsec (sequential) against
#                      the source as Yosys writes it in BLIF (no nandflow code on that side)
#   .aag               Yosys's read_aiger (ABC reads only binary AIGER), then nandflow verify
#   .json              Yosys's read_json, proven by Yosys alone (independent_check.sh)
#   .dot               Graphviz dot draws it: one node per NAND gate
# Each file's gate count is the report's NAND count; a mutated file is refused by ABC (the
# check can fail); flip-flops with asynchronous reset are refused where the format has none.
# usage: exports.sh NANDFLOW_BIN SOURCE_DIR
set -euo pipefail
nandflow=$1; src=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
abc() { berkeley-abc -c "$1" 2>&1 | tail -1; }

check() {  # check NAME TOP FILE...
  local name=$1 top=$2; shift 2
  local d=$work/$name; mkdir -p "$d"
  # -O1: the formats do not depend on the effort, and the seven runs stay quick.
  "$nandflow" synth "$@" --top "$top" -O1 --json "$d/report.json" -o "$d/$top.v" >/dev/null
  local nands flops
  nands=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['nand2'])" "$d/report.json")
  flops=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['flip_flops'])" "$d/report.json")
  for ext in blif aag aig bench dot json; do
    "$nandflow" synth "$@" --top "$top" -O1 -o "$d/$top.$ext" >/dev/null || fail "$name: -o $top.$ext"
  done
  # The source, as Yosys writes it: flip-flops lowered to plain D flip-flops (.latch).
  yosys -q -p "read_verilog $*; synth -flatten -top $top; dffunmap; write_blif $d/source.blif"
  [ "$(grep -cE '^\.names [^ ]+ [^ ]+ [^ ]+$' "$d/$top.blif")" = "$nands" ] || fail "$name: BLIF has not $nands gates"
  [ "$(grep -c ' = NAND(' "$d/$top.bench")" = "$nands" ] || fail "$name: bench has not $nands NAND gates"
  [ "$(head -1 "$d/$top.aag" | cut -d' ' -f6)" = "$nands" ] || fail "$name: AIGER has not $nands ANDs"
  [ "$(head -1 "$d/$top.aag" | cut -d' ' -f4)" = "$flops" ] || fail "$name: AIGER has not $flops latches"
  local cmd=cec src_aig=$d/source.blif
  if [ "$flops" != 0 ]; then
    # Sequential: no latch correspondence needed. AIGER's clock is implicit, so its
    # source copy loses the clock input too.
    cmd=dsec
    sed -e '/^\.inputs/s/ clk\b//' -e 's/ re clk / re NIL /' "$d/source.blif" >"$d/source_noclk.blif"
    src_aig=$d/source_noclk.blif
  fi
  for f in "$d/source.blif $d/$top.blif" "$d/source.blif $d/$top.bench" "$src_aig $d/$top.aig"; do
    r=$(abc "$cmd $f")
    case "$r" in *"Networks are equivalent"*) ;; *) fail "$name: ABC $cmd $f: $r" ;; esac
  done
  "$nandflow" verify "$@" --top "$top" "$d/$top.aag" | grep -q '^PROVEN' || fail "$name: $top.aag through Yosys read_aiger"
  "$(dirname "$0")/independent_check.sh" "$*" "$top" "$d/$top.json" >/dev/null || fail "$name: Yosys on $top.json"
  [ "$(dot -Tsvg "$d/$top.dot" | grep -c 'class="node gate"')" = "$nands" ] || fail "$name: dot does not draw $nands gates"
  # The check can fail: one NAND made an AND is caught.
  sed '0,/ = NAND(/s// = AND(/' "$d/$top.bench" >"$d/mutant.bench"
  case "$(abc "$cmd $d/source.blif $d/mutant.bench")" in
    *"Networks are equivalent"*) fail "$name: ABC accepts a mutated bench file" ;;
  esac
  echo "ok   $name: $nands NAND gates, $flops flip-flops; .blif .aig .bench (ABC $cmd), .aag (Yosys), .json (Yosys), .dot (dot)"
}

check full_adder full_adder "$src/rtl/examples/full_adder.v"
check counter counter "$src/rtl/examples/counter.v"
check alu ALU "$src"/rtl/hack/*.v

# Formats without asynchronous reset refuse it by name, and write nothing.
cat >"$work/async.v" <<'V'
module async_reg (input wire clk, input wire rst, input wire d, output reg q);
  always @(posedge clk or posedge rst) if (rst) q <= 1'b0; else q <= d;
endmodule
V
for ext in blif aig bench; do
  if "$nandflow" synth "$work/async.v" -o "$work/async.$ext" >/dev/null 2>"$work/err"; then fail "async reset written as .$ext"; fi
  grep -q "no asynchronous reset or set, and flip-flop 'q'" "$work/err" || fail ".$ext: $(cat "$work/err")"
  [ ! -e "$work/async.$ext" ] || fail "async.$ext left behind"
done
"$nandflow" synth "$work/async.v" -o "$work/async_reg.json" >/dev/null
"$(dirname "$0")/independent_check.sh" "$work/async.v" async_reg "$work/async_reg.json" >/dev/null || fail "async reset in .json"
if "$nandflow" synth "$work/async.v" -o "$work/x.edif" 2>"$work/err"; then fail ".edif accepted"; fi
grep -q "unknown netlist format '.edif'" "$work/err" || fail "unknown extension: $(cat "$work/err")"
echo "ok   asynchronous reset: refused by .blif .aig .bench by name, kept by .json; unknown extension refused"

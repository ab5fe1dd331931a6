#!/usr/bin/env bash
# The independent checker: Yosys proves a nandflow netlist equivalent to its source with
# no nandflow code involved. Two methods:
#   (default) equiv_make pairs signals by name, equiv_simple and equiv_induct prove,
#             equiv_status -assert fails on anything unproven;
#   --miter   a miter of source and netlist (miter -equiv), then temporal induction
#             (sat -tempinduct, up to 12 steps, flip-flops without an initial value start
#             at 0): needs no pairing, and tells a counterexample from an unclosed proof.
#   independent_check.sh [--miter] SOURCE TOP NETLIST [-D NAME[=V]]... [-I DIR]... [-p P=V]...
# nf_cells.v is read from beside NETLIST; a NETLIST.json is read with read_json. Exit 0: PROVEN; 1: REFUTED (a counterexample,
# or equiv_* could not prove); 3: UNDECIDED (--miter only: induction did not close).
# With CHECK_LOG set, Yosys's log is written there.
set -uo pipefail
method=equiv
[ "${1:-}" = --miter ] && { method=miter; shift; }
src=$1; top=$2; net=$3; shift 3
defines=(); params=()
while [ $# -gt 0 ]; do
  case "$1" in
    -D) defines+=("-D$2"); shift 2 ;;
    -I) defines+=("-I$2"); shift 2 ;;
    -p) params+=("chparam -set ${2%%=*} ${2#*=} $top"); shift 2 ;;
    *) shift ;;
  esac
done
sv=""; case "$src" in *.sv) sv="-sv" ;; esac
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
log=${CHECK_LOG:-$work/yosys.log}
{
  echo "read_verilog $sv ${defines[*]:-} $src"
  for p in "${params[@]}"; do echo "$p"; done
  # Where the source's value is x (an out-of-range part select, 'x, an undriven output),
  # nandflow gives some value. The pairing method models x (-undef: a gold x allows any
  # value); the miter gives the gold 0 there, nandflow's choice where Yosys leaves an x.
  x_to_zero="chtype -map \$shiftx \$shift; setundef -zero;"
  [ $method = miter ] || x_to_zero=""
  echo "prep -flatten -top $top; memory_map; opt_clean; $x_to_zero async2sync; rename $top gold; design -stash gold"
  case "$net" in
    *.json) echo "read_json $net" ;;  # Yosys's own netlist format: $_NAND_ and $_DFF_* cells
    *) echo "read_verilog $(dirname "$net")/nf_cells.v $net" ;;
  esac
  echo "prep -flatten -top $top; async2sync; rename $top gate; design -stash gate"
  echo "design -copy-from gold -as gold gold; design -copy-from gate -as gate gate"
  if [ $method = equiv ]; then
    echo "equiv_make gold gate equiv; hierarchy -top equiv; equiv_simple -undef -seq 2; equiv_induct -undef -seq 2; equiv_status -assert"
  else
    echo "miter -equiv -flatten gold gate miter; hierarchy -top miter"
    echo "sat -verify -tempinduct -prove trigger 0 -set-init-zero -seq 1 -maxsteps 12 miter"
  fi
} >"$work/check.ys"
yosys -q -l "$log" -s "$work/check.ys" >/dev/null 2>&1
rc=$?
if [ $rc = 0 ]; then echo "PROVEN by Yosys ($method)"; exit 0; fi
if [ $method = miter ] && grep -q "Reached maximum number of time steps" "$log"; then
  echo "UNDECIDED by Yosys (miter): induction did not close in 12 steps, no counterexample"; exit 3
fi
[ $method = miter ] && what=REFUTED || what="NOT PROVEN"
echo "$what by Yosys ($method): $(grep -m1 -E "ERROR|FAIL" "$log")"; exit 1

#!/usr/bin/env bash
# A netlist with one NAND input swapped must be refused by nandflow verify AND by
# an independent checker (Yosys equiv_*), while the unmutated one passes both.
set -euo pipefail
nandflow=$1; root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check_yosys() {  # check_yosys SRC NETLIST TOP -> exit status of Yosys's proof
  "$(dirname "$0")/independent_check.sh" "$1" "$3" "$2" >/dev/null
}
for spec in "full_adder.v full_adder" "counter.v counter" "traffic_fsm.v traffic_fsm"; do
  set -- $spec
  src="$root/rtl/examples/$1"; top=$2
  "$nandflow" synth "$src" --top "$top" -o "$work/net.v" >/dev/null
  "$nandflow" verify "$src" "$work/net.v" --top "$top" | grep -q PROVEN
  check_yosys "$src" "$work/net.v" "$top"
  # Mutate gates from the last one backwards (they feed the outputs) until a mutant
  # changes the function: swap its first input for its second input's source.
  refused=0
  for g in $(grep -oE '^  nand g[0-9]+' "$work/net.v" | awk '{print $2}' | tac); do
    line=$(grep -E "^  nand $g \(" "$work/net.v")
    a=$(sed -E 's/.*\(([^,]+), ([^,]+), ([^)]+)\);/\2/' <<<"$line")
    b=$(sed -E 's/.*\(([^,]+), ([^,]+), ([^)]+)\);/\3/' <<<"$line")
    [ "$a" = "$b" ] && continue  # an inverter: swapping changes nothing
    sed -E "s/^  nand $g \(([^,]+), ([^,]+), ([^)]+)\);/  nand $g (\1, \3, \3);/" "$work/net.v" >"$work/mut.v"
    if ! "$nandflow" verify "$src" "$work/mut.v" --top "$top" >"$work/verify.log"; then
      grep -q "NOT EQUIVALENT" "$work/verify.log"
      if check_yosys "$src" "$work/mut.v" "$top"; then
        echo "FAIL: Yosys proved the mutant of $top ($g) that nandflow refused"; exit 1
      fi
      echo "ok   $top: mutant at $g refused by nandflow verify and by Yosys"
      head -1 "$work/verify.log"
      refused=1
      break
    fi
  done
  [ "$refused" = 1 ] || { echo "FAIL: no mutant of $top was refused"; exit 1; }
done

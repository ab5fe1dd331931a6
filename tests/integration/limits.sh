#!/usr/bin/env bash
# Limits and clean exits: a design over --max-nodes or --max-memory stops with a message and
# exit 1; Ctrl-C (SIGINT) and SIGTERM, during Yosys or during optimisation, leave no
# temporary files (TMPDIR is watched) and no output; a failed run never touches an
# existing output file.
#   limits.sh NANDFLOW
set -uo pipefail
nandflow=$1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export TMPDIR=$work/tmp; mkdir -p "$TMPDIR"
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

printf 'module mul(input [15:0] a, input [15:0] b, output [31:0] y);\n  assign y = a * b;\nendmodule\n' >"$work/mul16.v"

# --max-nodes
out=$("$nandflow" synth "$work/mul16.v" --max-nodes 500 -o "$work/n1.v" 2>&1); rc=$?
if [ $rc = 1 ] && grep -q "AIG nodes after elaboration, more than --max-nodes 500" <<<"$out" && [ ! -e "$work/n1.v" ]; then
  ok "--max-nodes 500 refuses a 16x16 multiplier"; else bad "--max-nodes: exit $rc: $out"; fi
out=$("$nandflow" synth "$work/mul16.v" --max-nodes x 2>&1); rc=$?
[ $rc = 1 ] && grep -q -- "--max-nodes expects a positive whole number, got 'x'" <<<"$out" && ok "--max-nodes x" || bad "--max-nodes x: $out"

# --max-memory (not applicable in a build under AddressSanitizer, which says so)
out=$("$nandflow" synth "$work/mul16.v" --max-memory 30 -o "$work/n2.v" 2>&1); rc=$?
if grep -q "not applied under AddressSanitizer" <<<"$out"; then
  echo "SKIPPED --max-memory: this nandflow is built with AddressSanitizer"
  rm -f "$work/n2.v" "$work/nf_cells.v"
elif [ $rc = 1 ] && grep -q "ran out of memory: the design needs more than the 30 MB allowed" <<<"$out" && [ ! -e "$work/n2.v" ]; then
  ok "--max-memory 30 stops with a message"; else bad "--max-memory 30: exit $rc: $out"; fi

# A failed run leaves an existing output file as it was, and no temporary file beside it.
echo "previous netlist" >"$work/keep.v"
"$nandflow" synth "$work/mul16.v" --max-nodes 500 -o "$work/keep.v" >/dev/null 2>&1
[ "$(cat "$work/keep.v")" = "previous netlist" ] && [ -z "$(ls "$work" | grep -v -e '^keep.v$' -e '^mul16.v$' -e '^tmp$')" ] \
  && ok "failed run: output untouched, nothing beside it" || bad "failed run changed $(ls "$work")"

# Signals: nandflow exits 128 + signal, stops the tool it runs, leaves nothing in TMPDIR and
# writes no output.
interrupt() {  # interrupt SIGNAL SECONDS
  local sig=$1 after=$2
  rm -rf "$TMPDIR"/* "$work/sig.v"
  "$nandflow" synth "$work/mul16.v" -O3 --time-limit 30 -o "$work/sig.v" >"$work/sig.log" 2>&1 &
  local pid=$!
  sleep "$after"
  kill -s "$sig" $pid
  wait $pid; local rc=$?
  sleep 0.5  # let a killed child finish dying
  local left; left=$(ls -A "$TMPDIR")
  # A tool nandflow was running (Yosys, with its temporary directory on its command line)
  # must not outlive it.
  local orphan; orphan=$(pgrep -f "$TMPDIR/nandflow-" || true)
  if [ -z "$left" ] && [ -z "$orphan" ] && [ ! -e "$work/sig.v" ] && [ $rc -ge 128 ]; then
    ok "SIG$sig after ${after} s: exit $rc, TMPDIR empty, no output"
  else
    bad "SIG$sig after ${after} s: exit $rc, left in TMPDIR: ${left:-nothing}, orphan: ${orphan:-none}, output: $(ls "$work/sig.v" 2>/dev/null)"
  fi
}
interrupt INT 0.7    # while Yosys runs
interrupt TERM 0.7   # while Yosys runs: nandflow stops it
interrupt INT 4      # while optimising
interrupt TERM 4
exit $fail

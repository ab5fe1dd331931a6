#!/usr/bin/env bash
# The CLI as a user meets it: --help everywhere, clear errors with file and line,
# non-zero exits, and no partial output files left behind.
set -uo pipefail
nandflow=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); testdir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
expect() {  # expect NAME EXIT_CODE PATTERN -- command...
  local name=$1 code=$2 pattern=$3; shift 4
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" != "$code" ] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL $name: exit $rc (want $code), output:"; echo "$out" | head -5; fail=1
  else
    echo "ok   $name"
  fi
}
for cmd in synth verify count cosim view; do
  expect "$cmd --help" 0 "usage: nandflow $cmd" -- "$nandflow" "$cmd" --help
done
expect "top-level help" 0 "commands:" -- "$nandflow" --help
expect "no command" 2 "usage:" -- "$nandflow"
expect "unknown command" 2 "unknown command" -- "$nandflow" frobnicate
expect "unknown option" 1 "unknown option '--frob'" -- "$nandflow" synth x.v --frob

printf 'module m(input a, output y);\n  assign y = a +;\nendmodule\n' >"$work/syntax.v"
expect "syntax error" 1 "syntax.v:2: ERROR: syntax error" -- "$nandflow" synth "$work/syntax.v" -o "$work/out1.v"
[ -e "$work/out1.v" ] && { echo "FAIL: partial output after a syntax error"; fail=1; }

expect "missing file" 1 "nope.v: no such file" -- "$nandflow" synth "$work/nope.v" -o "$work/out2.v"
expect "view: syntax error" 1 "syntax.v:2: ERROR: syntax error" -- "$nandflow" view "$work/syntax.v" -o "$work/page.html"
[ -e "$work/page.html" ] && { echo "FAIL: a page written after a syntax error"; fail=1; }
expect "view: --max-gates" 1 "--max-gates takes a number, not 'many'" -- "$nandflow" view "$work/syntax.v" --max-gates many
expect "synth: unknown -o format" 1 "unknown netlist format '.edif'" -- "$nandflow" synth "$work/syntax.v" -o "$work/n.edif"
expect "synth: --pure-nand to BLIF" 1 "--pure-nand writes Verilog only" -- "$nandflow" synth "$work/syntax.v" --pure-nand -o "$work/n.blif"
printf 'module m(input a, output y);\n  assign y = a;\nendmodule\n' >"$work/ok.v"
expect "unknown top" 1 "Module .other. not found" -- "$nandflow" synth "$work/ok.v" --top other
# Tri-states stay refused (a NAND netlist has no high-impedance state); latches are built.
printf "module m(input en, input d, output y);\n  assign y = en ? d : 1'bz;\nendmodule\n" >"$work/tristate.v"
expect "tri-state" 1 "tristate.v:2: signal 'y' is driven by a tri-state buffer" -- "$nandflow" synth "$work/tristate.v" -o "$work/out3.v"
[ -e "$work/out3.v" ] && { echo "FAIL: partial output after a refused tri-state"; fail=1; }
printf 'module m(input en, input d, output reg q);\n  always @* if (en) q = d;\nendmodule\n' >"$work/latch.v"
expect "latch" 0 "^PROVEN" -- "$nandflow" synth "$work/latch.v" -o "$work/latch_out.v" --verify
grep -q "nf_dlatch ff_q (.E(en), .D(d), .Q(q));" "$work/latch_out.v" || { echo "FAIL: the latch is not an nf_dlatch"; fail=1; }
# Loops of gates: one that holds a value is a latch (tests/designs/gate_storage.v); one
# that can oscillate, or holds nothing, is refused with its signals and lines.
printf 'module m(input a, input b, output y);\n  wire p, q;\n  assign p = a & ~q;\n  assign q = b | p;\n  assign y = q;\nendmodule\n' >"$work/loop.v"
expect "oscillating loop" 1 "loop.v:[0-9]+: combinational loop through signals 'p', 'q' \\(.*loop.v:3.*\\): it can oscillate" -- "$nandflow" synth "$work/loop.v" -o "$work/out_loop.v"
[ -e "$work/out_loop.v" ] && { echo "FAIL: partial output after a refused loop"; fail=1; }
printf 'module m(input a, input b, output y);\n  wire p, q;\n  assign p = a & q;\n  assign q = a | p;\n  assign y = q ^ b;\nendmodule\n' >"$work/false_loop.v"
expect "loop holding nothing" 1 "combinational loop through signals 'p', 'q'.*: it stores nothing" -- "$nandflow" synth "$work/false_loop.v"
printf 'module m(input a, input b, output y);\n  wire p, q;\n  assign p = a & q;\n  assign q = b | p;\n  assign y = q;\nendmodule\n' >"$work/and_or_latch.v"
expect "AND-OR latch" 0 "^PROVEN" -- "$nandflow" synth "$work/and_or_latch.v" --verify -o "$work/and_or_out.v"
# Implicit nets: legal Verilog-2005, accepted with a warning naming each; with
# `default_nettype none the source itself forbids them: Yosys's error, file and line.
printf 'module m(input a, input s, output y);\n  not U_inv (inv_s, s);\n  and U_y (y, a, inv_s);\nendmodule\n' >"$work/implicit.v"
expect "implicit net" 0 "warning: .*implicit.v:[0-9]+: net 'inv_s' is implicitly declared" -- "$nandflow" synth "$work/implicit.v" -o "$work/implicit_out.v"
{ printf '`default_nettype none\n'; cat "$work/implicit.v"; } >"$work/nettype_none.v"
expect "default_nettype none" 1 "nettype_none.v:[0-9]+: ERROR: Identifier .*inv_s' is implicitly declared and .default_nettype is set to none" \
  -- "$nandflow" synth "$work/nettype_none.v" -o "$work/out5.v"
[ -e "$work/out5.v" ] && { echo "FAIL: partial output after default_nettype none"; fail=1; }
expect "bad -p" 1 "-p expects PARAM=VALUE" -- "$nandflow" synth "$work/ok.v" -p W
expect "bad --cycles" 1 "--cycles expects" -- "$nandflow" cosim "$work/ok.v" --cycles many
expect "verify needs two files" 2 "needs the source" -- "$nandflow" verify "$work/ok.v"
expect "garbage netlist" 1 "garbage.v:1" -- "$nandflow" verify "$work/ok.v" "$testdir/integration/garbage.v"
# A netlist for another design is not equivalent, and says why.
printf 'module m(input a, output y);\n  nand g1 (y, a, a);\nendmodule\n' >"$work/wrong.v"
expect "wrong netlist" 1 "NOT EQUIVALENT: output y differs" -- "$nandflow" verify "$work/ok.v" "$work/wrong.v"
# AIGER: read by Yosys after nandflow's check (io/check_aiger), which refuses what read_aiger
# would read as a constant. Sequential AIGER gets a clk input; files without symbols too.
corpus="$testdir/fuzz/corpus/aiger"
for f in "$corpus"/*.aag "$corpus"/*.aig; do
  expect "aiger $(basename "$f")" 0 "^PROVEN" -- "$nandflow" synth "$f" --verify -o "$work/aiger.v"
done
grep -q "input wire clk" "$work/aiger.v" || { echo "FAIL: the sequential AIGER netlist has no clk input"; fail=1; }
printf 'aag 3 2 0 1 1\n2\n4\n6\n6 2 9\n' >"$work/undef.aag"
expect "aiger literal out of range" 1 "undef.aag:5: literal 9 exceeds the maximum variable index 3" -- \
  "$nandflow" synth "$work/undef.aag" -o "$work/out4.v"
[ -e "$work/out4.v" ] && { echo "FAIL: output written for a malformed AIGER file"; fail=1; }
printf 'aig 3 2 0 1 1\n6\n\007\002' >"$work/delta.aig"
expect "aiger bad binary delta" 1 "delta.aig: byte 16 \\(AND gate 0\\): first delta 7" -- \
  "$nandflow" synth "$work/delta.aig" -o "$work/out5.v"
printf 'aag 1 1 0 1 0\n2\n' >"$work/short.aag"
expect "aiger truncated" 1 "short.aag:3: the file ends where an output line was expected" -- \
  "$nandflow" count "$work/short.aag"
# A memory initialised from a file named relative to the working directory, as Yosys users
# write it: nandflow runs Yosys's elaboration there (the rest in its temporary directory).
# (The source lives elsewhere: Yosys also looks beside the source file.)
mkdir -p "$work/rom" "$work/src" && printf '3\n5\na\nf\n' >"$work/rom/table.hex"
printf 'module rom(input [1:0] a, output [3:0] y);\n  reg [3:0] m [0:3];\n  initial $readmemh("table.hex", m);\n  assign y = m[a];\nendmodule\n' >"$work/src/rom.v"
expect "readmemh relative to the working directory" 0 "^PROVEN" -- \
  bash -c "cd '$work/rom' && '$nandflow' synth ../src/rom.v --verify -o out.v"
exit $fail

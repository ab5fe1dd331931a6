#!/usr/bin/env bash
# hacktst on the project's own scripts (tests/hack/tst, no ../shared needed): each
# matches its .cmp; a wrong .cmp row, a script error, an unknown chip and a loop
# waiting for a key each fail with exit 1 and a message naming file, line and problem.
set -uo pipefail
hacktst=$1; dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$hacktst" --help | grep -q "usage: hacktst" || fail "--help"
for t in CPUPlus Mux4Way16 ComputerMult; do
  "$hacktst" "$dir/$t.tst" --out "$work/$t.out" || fail "$t.tst"
done
"$hacktst" "$dir/KeyWait.tst" --no-out --key K || fail "KeyWait.tst with --key K"

# The written .out holds every row, header first.
[ "$(wc -l <"$work/CPUPlus.out")" = 17 ] || fail "CPUPlus.out should have 17 rows"
head -1 "$work/CPUPlus.out" | grep -qF '| time |  inM   |instru|' || fail "CPUPlus.out header"

# The first edition's CRLF line ends give the same result.
sed 's/$/\r/' "$dir/Mux4Way16.tst" >"$work/Mux4Way16.tst"
cp "$dir/Mux4Way16.cmp" "$work/"
"$hacktst" "$work/Mux4Way16.tst" --no-out || fail "CRLF script"

expect_error() {  # expect_error PATTERN ARGS...: exit 1 and PATTERN in the message
  local pattern=$1; shift
  out=$("$hacktst" "$@" 2>&1); rc=$?
  [ "$rc" = 1 ] && grep -qF -- "$pattern" <<<"$out" || fail "expected exit 1 with '$pattern', got $rc: $out"
  echo "ok   $pattern"
}
# A wrong row is found and shown.
sed '5s/     -2 /     -3 /' "$dir/Mux4Way16.cmp" >"$work/bad.cmp"
expect_error "comparison failure at line 5 of $work/bad.cmp" "$dir/Mux4Way16.tst" --no-out --cmp "$work/bad.cmp"
expect_error "expected: | 1234 |     -3 |" "$dir/Mux4Way16.tst" --no-out --cmp "$work/bad.cmp"
# The .out written up to the failure has the rows that were compared.
"$hacktst" "$dir/Mux4Way16.tst" --out "$work/partial.out" --cmp "$work/bad.cmp" 2>/dev/null
[ "$(wc -l <"$work/partial.out")" = 5 ] || fail "partial .out should hold 5 rows"
# A .cmp longer than the run is a failure too, not a silent pass.
{ cat "$dir/Mux4Way16.cmp"; echo "| 0000 |      0 | 0 | 0 | 00 | 0000 |"; } >"$work/long.cmp"
expect_error "the script ended after 7 rows but $work/long.cmp has 8" "$dir/Mux4Way16.tst" --no-out --cmp "$work/long.cmp"
printf 'load And.hdl,\nset a 1,\nfrob;\n' >"$work/bad.tst"
expect_error "bad.tst:3: unknown command 'frob'" "$work/bad.tst"
printf 'load Nand2.hdl;\n' >"$work/nochip.tst"
expect_error "nochip.tst:1: no chip named 'Nand2' in rtl/hack" "$work/nochip.tst"
printf 'load And.hdl,\nset c 1;\n' >"$work/nopin.tst"
expect_error "nopin.tst:2: chip And has no pin or built-in 'c'" "$work/nopin.tst"
printf 'load Mult.asm,\nticktock;\n' >"$work/emu.tst"
expect_error "is a CPU-emulator script (project 4)" "$work/emu.tst"
expect_error "does the script wait for a key press? give one with --key" "$dir/KeyWait.tst" --no-out
out=$("$hacktst" "$work/missing.tst" 2>&1); [ $? = 1 ] && grep -q "missing.tst: cannot open" <<<"$out" || fail "missing script: $out"
out=$("$hacktst" 2>&1); [ $? = 2 ] || fail "no arguments should exit 2"
echo "ok   all"

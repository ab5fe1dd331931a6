#!/usr/bin/env bash
# Berkeley ABC now and then dies of SIGABRT on an input it maps fine when run again (once in
# CI, inside Yosys's synth_ice40). nandflow and the FPGA flow run it once more and give the
# same result; a second crash is an error with a message and no output. A stand-in
# `berkeley-abc` first in PATH aborts on its first CRASHES calls whose first argument is
# CRASH_ON (Yosys runs ABC with -s, nandflow with -q), then runs the real ABC.
#   abc_crash.sh NANDFLOW ROOT BUILD
set -uo pipefail
nandflow=$1; root=$2; build=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

real_abc=$(command -v berkeley-abc || command -v yosys-abc) || { echo "SKIPPED: Berkeley ABC is not installed"; exit 77; }
mkdir -p "$work/bin" "$work/tmp"
cat >"$work/bin/$(basename "$real_abc")" <<EOF
#!/bin/sh
n=\$(cat "$work/crashes" 2>/dev/null || echo 0)
if [ "\$1" = "\$CRASH_ON" ] && [ "\$n" -lt "\$CRASHES" ]; then echo \$((n + 1)) >"$work/crashes"; kill -ABRT \$\$; fi
exec "$real_abc" "\$@"
EOF
chmod +x "$work/bin/"*
crashing() {  # crashing CRASH_ON CRASHES COMMAND...: COMMAND with the stand-in ABC
  local on=$1 n=$2; shift 2
  rm -f "$work/crashes"
  CRASH_ON=$on CRASHES=$n PATH="$work/bin:$PATH" TMPDIR="$work/tmp" "$@"
}
crashes() { cat "$work/crashes" 2>/dev/null || echo 0; }
without_times() { python3 -c 'import json, re, sys; print(re.sub(r"[0-9.]+ s\b", "", json.dumps(json.load(open(sys.argv[1]))["passes"])))' "$1"; }

printf 'module fa(input a, b, c, output s, co);\n  assign {co, s} = a + b + c;\nendmodule\n' >"$work/fa.v"
"$nandflow" synth "$work/fa.v" -o "$work/ref.v" --json "$work/ref.json" >/dev/null 2>&1 || { echo "FAIL: nandflow synth"; exit 1; }

# nandflow's own ABC run (a candidate): run again, the same candidates and the same netlist.
out=$(crashing -q 1 "$nandflow" synth "$work/fa.v" -o "$work/q.v" --json "$work/q.json" --verify 2>&1); rc=$?
if [ $rc = 0 ] && [ "$(crashes)" = 1 ] && cmp -s "$work/ref.v" "$work/q.v" &&
   [ "$(without_times "$work/ref.json")" = "$(without_times "$work/q.json")" ] && grep -q PROVEN <<<"$out"; then
  ok "ABC (nandflow's run) crashed once: run again, the same netlist and candidates, proven"
else bad "ABC (nandflow's run) crashed once: exit $rc, crashes $(crashes): $out"; fi

# The ABC that Yosys runs: Yosys is run again, saying so, with the same netlist.
out=$(crashing -s 1 "$nandflow" synth "$work/fa.v" -o "$work/s.v" --verify 2>&1); rc=$?
if [ $rc = 0 ] && [ "$(crashes)" = 1 ] && cmp -s "$work/ref.v" "$work/s.v" &&
   grep -q "Berkeley ABC crashed inside Yosys; running Yosys once more" <<<"$out"; then
  ok "ABC crashed once inside Yosys: Yosys run again, said so, the same netlist"
else bad "ABC crashed once inside Yosys: exit $rc, crashes $(crashes): $out"; fi

# Twice: an error naming ABC's crash, no output, nothing left in TMPDIR.
out=$(crashing -s 9 "$nandflow" synth "$work/fa.v" -o "$work/s2.v" 2>&1); rc=$?
if [ $rc = 1 ] && [ "$(crashes)" = 2 ] && [ ! -e "$work/s2.v" ] && [ -z "$(ls -A "$work/tmp")" ] &&
   grep -q "failed: return code 134" <<<"$out" && grep -q "Berkeley ABC crashed on this design twice" <<<"$out"; then
  ok "ABC crashed twice inside Yosys: exit 1, the message, no output, TMPDIR empty"
else bad "ABC crashed twice inside Yosys: exit $rc, crashes $(crashes), TMPDIR: $(ls -A "$work/tmp"): $out"; fi

# The FPGA flow (a latch design, the quickest to build): Yosys run again, then the bitstream.
fpga() { make --no-print-directory -C "$root/fpga" BOARD=icebreaker DESIGN=latch_blink DESIGN_DIR="$root/tests/fpga" \
           BUILD="$build" OUT="$work/$1" 2>&1; }
out=$(crashing -s 1 fpga once); rc=$?
if [ $rc = 0 ] && [ "$(crashes)" = 1 ] && [ -s "$work/once/latch_blink.bin" ] && [ -s "$work/once/yosys-abc-crash.log" ] &&
   grep -q "Berkeley ABC crashed inside Yosys (see yosys-abc-crash.log): running Yosys once more" <<<"$out"; then
  ok "FPGA flow, ABC crashed once: Yosys run again, said so, bitstream written"
else bad "FPGA flow, ABC crashed once: exit $rc, crashes $(crashes): $out"; fi
out=$(crashing -s 9 fpga twice); rc=$?
if [ $rc != 0 ] && [ "$(crashes)" = 2 ] && [ ! -e "$work/twice/latch_blink.json" ] && grep -q "failed: return code 134" <<<"$out"; then
  ok "FPGA flow, ABC crashed twice: the build stops with Yosys's error, no netlist"
else bad "FPGA flow, ABC crashed twice: exit $rc, crashes $(crashes): $out"; fi
exit $fail

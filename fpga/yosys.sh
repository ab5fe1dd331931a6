#!/usr/bin/env bash
# yosys.sh LOG ARGS...: `yosys -ql LOG ARGS...`, once more if Berkeley ABC crashed inside it.
#
# ABC, which Yosys runs to map LUTs, now and then dies of SIGABRT on an input it maps fine
# when run again (seen once in CI, in synth_ice40 on the Hack NAND CPU; the same input then
# passed 3,000 runs). Its result does not depend on the run, so after such a crash Yosys
# runs once more and says so; the first log is kept as LOG's name with -abc-crash. A second
# crash is Yosys's error and exit status. nandflow does the same (abc_crashed_inside_yosys).
# ABC's temporary folders go beside LOG: Yosys leaves a crashed one behind, for a bug report.
set -uo pipefail
log=$1; shift
run() { TMPDIR=$(dirname "$log") yosys -ql "$log" "$@"; }
run "$@" && exit 0
status=$?
grep -Eq 'ABC: execution of command .* failed: return code 1(34|35|36|39)\.' "$log" || exit $status
crash_log=${log%.log}-abc-crash.log
mv "$log" "$crash_log"
echo "Berkeley ABC crashed inside Yosys (see $(basename "$crash_log")): running Yosys once more"
run "$@"

#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in BUILD/fuzz and runs each on its seed
# corpus in tests/fuzz/corpus (and rtl/hack/programs, tests/hack/tst). New inputs go to a
# scratch corpus, so the committed one stays the seed set; a crashing input is kept in
# out/fuzz-artifacts/ and the run fails.
#   tests/fuzz/run.sh BUILD [--runs N | --minutes M] [--record FILE] [TARGET...]
#     --runs N      N inputs per target after the corpus (make test: a short fixed run)
#     --minutes M   M minutes per target, the campaign (make fuzz-readers)
#     --record F    append "date target seconds inputs result" to F (bench/results/fuzz-campaigns.tsv)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
build=${1:?usage: run.sh BUILD [--runs N | --minutes M] [--record FILE] [TARGET...]}; shift
runs=20000; minutes=0; record=""; targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --record) record=$2; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(aiger yosys_json hack_asm tst_script)

if ! command -v clang++ >/dev/null; then
  echo "SKIPPED: clang++ not found (make deps installs clang and libclang-rt-14-dev)"; exit 77
fi
fuzzdir="$build/fuzz"
cmake -S "$here" -B "$fuzzdir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE= >/dev/null || exit 1
cmake --build "$fuzzdir" -j2 >"$fuzzdir/build.log" 2>&1 || { cat "$fuzzdir/build.log"; exit 1; }

# Seed inputs beyond tests/fuzz/corpus: the project's own programs and test scripts.
declare -A seeds=([hack_asm]="$root/rtl/hack/programs" [tst_script]="$root/tests/hack/tst")
artifacts="$root/out/fuzz-artifacts"; mkdir -p "$artifacts"
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
failed=0
for t in "${targets[@]}"; do
  exe="$fuzzdir/fuzz_$t"
  [ -x "$exe" ] || { echo "no fuzz target '$t' (have: aiger yosys_json hack_asm tst_script)"; exit 2; }
  mkdir -p "$scratch/$t"
  if [ "$minutes" -gt 0 ]; then limit=(-max_total_time=$((minutes * 60))); what="$minutes min"
  else limit=(-runs="$runs" -seed=1); what="$runs inputs"; fi
  echo "== fuzz_$t: $what"
  start=$(date +%s)
  "$exe" "${limit[@]}" -dict="$here/dict/$t.dict" -artifact_prefix="$artifacts/$t-" -print_final_stats=1 \
    "$scratch/$t" "$here/corpus/$t" ${seeds[$t]:-} >"$scratch/$t.log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  execs=$(grep -m1 -oE 'stat::number_of_executed_units: *[0-9]+' "$scratch/$t.log" | grep -oE '[0-9]+$')
  cov=$(grep -oE 'cov: [0-9]+' "$scratch/$t.log" | tail -1)
  if [ $rc = 0 ]; then result=clean; echo "ok   fuzz_$t: ${execs:-?} inputs in ${secs} s, $cov, no finding"
  else
    result=FINDING; failed=1
    echo "FAIL fuzz_$t (exit $rc), input kept in $artifacts/:"; grep -E 'ERROR|SUMMARY|runtime error|==[0-9]+==' "$scratch/$t.log" | head -20
  fi
  [ -n "$record" ] && printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%F)" "$t" "$secs" "${execs:-0}" "$result" >>"$record"
done
exit $failed

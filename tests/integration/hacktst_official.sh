#!/usr/bin/env bash
# Every official nand2tetris test script of projects 1, 2, 3 and 5 replays through
# hacktst and matches its .cmp (Memory.tst with the keys it asks for: K, then Y).
# A corrupted .cmp must fail, so a pass means something. Skips (77) without ../shared.
set -uo pipefail
hacktst=$1; shared=$2
dir="$shared/nand2tetris/projects"
if [ ! -d "$dir" ]; then echo "SKIPPED: $dir not present"; exit 77; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
for t in "$dir"/1/*.tst "$dir"/2/*.tst "$dir"/3/*.tst "$dir"/5/*.tst; do
  "$hacktst" "$t" --out "$work/out" --key K --key Y || { echo "FAIL: $t"; exit 1; }
  n=$((n + 1))
done
[ "$n" -ge 35 ] || { echo "FAIL: only $n scripts found"; exit 1; }
# Change one expected value of CPU.cmp: the replay must notice.
sed '3s/12345/12346/' "$dir/5/CPU.cmp" >"$work/CPU.cmp"
out=$("$hacktst" "$dir/5/CPU.tst" --no-out --cmp "$work/CPU.cmp" 2>&1)
[ $? = 1 ] && grep -q "comparison failure at line 3" <<<"$out" || { echo "FAIL: corrupted CPU.cmp passed: $out"; exit 1; }
echo "ok   $n official scripts match; a corrupted CPU.cmp is refused"

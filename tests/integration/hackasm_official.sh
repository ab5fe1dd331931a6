#!/usr/bin/env bash
# hackasm output is byte-identical to the official project 6 .hack files; errors
# exit 1 with file and line and leave no output file. Skips (77) without ../shared.
set -uo pipefail
hackasm=$1; shared=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '@1\nD=Q\n' >"$work/bad.asm"
out=$("$hackasm" "$work/bad.asm" 2>&1); rc=$?
[ "$rc" = 1 ] && grep -q "bad.asm:2: unknown computation 'Q'" <<<"$out" && [ ! -e "$work/bad.hack" ] \
  || { echo "FAIL: bad input: exit $rc: $out"; exit 1; }
echo "ok   error exit and message: $out"
"$hackasm" --help | grep -q "usage: hackasm" || { echo "FAIL: --help"; exit 1; }
dir="$shared/nand2tetris/projects/6"
if [ ! -d "$dir" ]; then echo "SKIPPED: $dir not present"; exit 77; fi
for p in add/Add max/Max max/MaxL rect/Rect rect/RectL; do
  "$hackasm" "$dir/$p.asm" -o "$work/out.hack" || exit 1
  cmp "$work/out.hack" "$dir/$p.hack" || { echo "FAIL: $p differs"; exit 1; }
  echo "ok   $p.hack byte-identical"
done

#!/usr/bin/env bash
# hacksim runs our own programs on the Verilated Hack Computer: RAM results after
# N cycles and the screen PNG's pixels; and, when ../shared is present, the
# official Max and Rect programs.
set -euo pipefail
hacksim=$1; root=$2; shared=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$("$hacksim" "$root/rtl/hack/programs/Sum.asm" --poke 0=10 --cycles 300 --ram 1)
[ "$out" = "RAM[1] = 55" ] || { echo "FAIL: Sum gave '$out'"; exit 1; }
echo "ok   Sum.asm: $out"
"$hacksim" "$root/rtl/hack/programs/Box.asm" --poke 0=3 --cycles 200 --screen "$work/box.png"
python3 "$here/check_png.py" "$work/box.png" 32 3
"$hacksim" "$root/rtl/hack/programs/Rect.asm" --poke 0=5 --cycles 500 --screen "$work/rect.png"
python3 "$here/check_png.py" "$work/rect.png" 16 5
out=$("$hacksim" "$root/rtl/hack/programs/Golden.asm" --cycles 2000 --ram 0-3 | tr '\n' ' ')
[ "$out" = "RAM[0] = 13254 RAM[1] = -5062 RAM[2] = 10946 RAM[3] = 17711 " ] || { echo "FAIL: Golden gave '$out'"; exit 1; }
echo "ok   Golden.asm: phi*8192 and (1-phi)*8192: $out"
out=$("$hacksim" "$root/rtl/hack/programs/Max.asm" --poke 0=-7 --poke 1=12 --cycles 50 --ram 2)
[ "$out" = "RAM[2] = 12" ] || { echo "FAIL: Max gave '$out'"; exit 1; }
echo "ok   Max.asm: max(-7, 12): $out"
out=$("$hacksim" "$root/rtl/hack/programs/Mult.asm" --poke 0=123 --poke 1=45 --cycles 1000 --ram 2)
[ "$out" = "RAM[2] = 5535" ] || { echo "FAIL: Mult gave '$out'"; exit 1; }
echo "ok   Mult.asm: 123 * 45: $out"
# Fill: a key held from cycle 0 blackens the screen (a pass is 15 cycles a word, 122,880
# cycles); released at 130000, the pass under way finishes black and the next one clears it.
printf '0 75\n' >"$work/hold.txt"
printf '0 75\n130000 0\n' >"$work/release.txt"
"$hacksim" "$root/rtl/hack/programs/Fill.asm" --keys "$work/hold.txt" --cycles 130000 --screen "$work/black.png"
"$hacksim" "$root/rtl/hack/programs/Fill.asm" --keys "$work/release.txt" --cycles 400000 --screen "$work/white.png"
python3 "$here/check_png.py" "$work/black.png" 512 256
python3 "$here/check_png.py" "$work/white.png" 0 0
"$hacksim" "$root/rtl/hack/programs/Sum.asm" --cycles 5 --trace "$work/sum.fst" >/dev/null
[ -s "$work/sum.fst" ] || { echo "FAIL: no FST trace written"; exit 1; }
echo "ok   FST trace written"
if "$hacksim" "$work/none.asm" 2>"$work/err"; then echo "FAIL: missing file accepted"; exit 1; fi
grep -q "cannot open" "$work/err" || { echo "FAIL: missing program: $(cat "$work/err")"; exit 1; }
echo "ok   missing program: $(cat "$work/err")"
dir="$shared/nand2tetris/projects/6"
if [ ! -d "$dir" ]; then echo "SKIPPED (official programs): $dir not present"; exit 0; fi
out=$("$hacksim" "$dir/max/Max.hack" --poke 0=-7 --poke 1=12 --cycles 50 --ram 2)
[ "$out" = "RAM[2] = 12" ] || { echo "FAIL: Max gave '$out'"; exit 1; }
echo "ok   official Max.hack: $out"
"$hacksim" "$dir/rect/Rect.asm" --poke 0=5 --cycles 500 --screen "$work/rect.png" >/dev/null
python3 "$here/check_png.py" "$work/rect.png" 16 5

#!/usr/bin/env bash
# hacksim runs our own programs on the Verilated Hack Computer: RAM results after
# N cycles and the screen PNG's pixels; and, when ../shared is present, the
# official Max and Rect programs.
set -euo pipefail
hacksim=$1; root=$2; shared=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$("$hacksim" "$root/rtl/hack/programs/Sum.asm" --poke 0=10 --cycles 300 --ram 1)
[ "$out" = "RAM[1] = 55" ] || { echo "FAIL: Sum gave '$out'"; exit 1; }
echo "ok   Sum.asm: $out"
"$hacksim" "$root/rtl/hack/programs/Box.asm" --poke 0=3 --cycles 200 --screen "$work/box.png"
python3 - "$work/box.png" <<'PY'
import sys, zlib
d = open(sys.argv[1], "rb").read()
assert d[:8] == b"\x89PNG\r\n\x1a\n"
i, chunks = 8, {}
while i < len(d):
    n = int.from_bytes(d[i:i + 4], "big"); chunks[d[i + 4:i + 8]] = d[i + 8:i + 8 + n]; i += 12 + n
w, h = int.from_bytes(chunks[b"IHDR"][:4], "big"), int.from_bytes(chunks[b"IHDR"][4:8], "big")
assert (w, h) == (512, 256), (w, h)
raw = zlib.decompress(chunks[b"IDAT"])
black = lambda r, c: not (raw[r * 65 + 1 + c // 8] >> (7 - c % 8)) & 1
for r in range(256):
    for c in range(0, 512, 7):
        assert black(r, c) == (r < 3 and c < 32), (r, c)
print("ok   Box.asm: a 32x3 black box at the top left, the rest white")
PY
out=$("$hacksim" "$root/rtl/hack/programs/Golden.asm" --cycles 2000 --ram 0-3 | tr '\n' ' ')
[ "$out" = "RAM[0] = 13254 RAM[1] = -5062 RAM[2] = 10946 RAM[3] = 17711 " ] || { echo "FAIL: Golden gave '$out'"; exit 1; }
echo "ok   Golden.asm: phi*8192 and (1-phi)*8192: $out"
out=$("$hacksim" "$root/rtl/hack/programs/Mult.asm" --poke 0=123 --poke 1=45 --cycles 1000 --ram 2)
[ "$out" = "RAM[2] = 5535" ] || { echo "FAIL: Mult gave '$out'"; exit 1; }
echo "ok   Mult.asm: 123 * 45: $out"
# Fill: a key held from cycle 0 blackens the screen (a pass is 15 cycles a word, 122,880
# cycles); released at 130000, the pass under way finishes black and the next one clears it.
printf '0 75\n' >"$work/hold.txt"
printf '0 75\n130000 0\n' >"$work/release.txt"
"$hacksim" "$root/rtl/hack/programs/Fill.asm" --keys "$work/hold.txt" --cycles 130000 --screen "$work/black.png"
"$hacksim" "$root/rtl/hack/programs/Fill.asm" --keys "$work/release.txt" --cycles 400000 --screen "$work/white.png"
python3 - "$work/black.png" "$work/white.png" <<'PY'
import sys, zlib
def pixels(path):
    d = open(path, "rb").read(); i, ch = 8, {}
    while i < len(d):
        n = int.from_bytes(d[i:i + 4], "big"); ch[d[i + 4:i + 8]] = d[i + 8:i + 8 + n]; i += 12 + n
    raw = zlib.decompress(ch[b"IDAT"])
    return [b for r in range(256) for b in raw[r * 65 + 1:(r + 1) * 65]]
assert all(b == 0 for b in pixels(sys.argv[1])), "screen not all black while the key is held"
assert all(b == 0xFF for b in pixels(sys.argv[2])), "screen not all white after the key is released"
print("ok   Fill.asm: all black with a key held, all white after release")
PY
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
python3 - "$work/rect.png" <<'PY'
import sys, zlib
d = open(sys.argv[1], "rb").read(); i, ch = 8, {}
while i < len(d):
    n = int.from_bytes(d[i:i + 4], "big"); ch[d[i + 4:i + 8]] = d[i + 8:i + 8 + n]; i += 12 + n
raw = zlib.decompress(ch[b"IDAT"])
black = lambda r, c: not (raw[r * 65 + 1 + c // 8] >> (7 - c % 8)) & 1
assert all(black(r, c) == (r < 5 and c < 16) for r in range(12) for c in range(40))
print("ok   official Rect.asm: a 16x5 rectangle")
PY

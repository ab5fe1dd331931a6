#!/usr/bin/env bash
# diffattn-demo: its claims hold (it exits 1 otherwise: RTL = model, the rows with nothing to
# find exactly zero, negative weights, outputs outside the convex hull only for differential
# attention), and the heat map shows them: in the third panel, a row of a query with nothing
# to find is white, a relevant key red, a distractor blue.
#   diffattn_demo.sh DIFFATTN_DEMO
set -euo pipefail
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$1" -o "$work/map.png" | tee "$work/log"
grep -q "exactly zero weights: 16" "$work/log"
python3 - "$work/map.png" <<'PY'
import sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
chunks, i = {}, 8
while i < len(data):
    n = int.from_bytes(data[i:i + 4], "big")
    chunks.setdefault(data[i + 4:i + 8], b"")
    chunks[data[i + 4:i + 8]] += data[i + 8:i + 8 + n]
    i += 12 + n
ihdr = chunks[b"IHDR"]
w, h = int.from_bytes(ihdr[0:4], "big"), int.from_bytes(ihdr[4:8], "big")
assert (w, h, ihdr[8], ihdr[9]) == (732, 244, 8, 2), (w, h, ihdr[8], ihdr[9])
raw = zlib.decompress(chunks[b"IDAT"])
def pixel(x, y):
    at = y * (w * 3 + 1) + 1 + x * 3
    return tuple(raw[at:at + 3])
cell, x0 = 28, 10 + 2 * (8 * 28 + 20)          # the third panel
centre = lambda row, col: pixel(x0 + col * cell + 14, 10 + row * cell + 14)
assert centre(2, 0) == (255, 255, 255), centre(2, 0)   # query 2: nothing to find, exactly 0
assert centre(0, 5)[0] == 255 and centre(0, 5)[2] < 128, centre(0, 5)  # query 0's key 5: red
assert centre(0, 0)[2] == 255 and centre(0, 0)[0] < 255, centre(0, 0)  # a distractor: blue
print("heat map: 732 x 244 RGB; zero row white, relevant key red, distractor blue")
PY

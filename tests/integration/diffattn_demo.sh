#!/usr/bin/env bash
# diffattn-demo: its claims hold (it exits 1 otherwise: RTL = model, the rows with nothing to
# find exactly zero, negative weights, outputs outside the convex hull only for differential
# attention), and the heat map shows them: in the third panel, a row of a query with nothing
# to find is white, a relevant key red, a distractor blue; the SVG figure has titles, axes
# and a colour bar with zero marked.
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
# The labelled figure: three titled panels of 64 cells with query and key axes, the same
# colours, and a diverging colour bar with zero marked.
"$1" -o "$work/figure.svg" >/dev/null
python3 - "$work/figure.svg" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
panels = root.findall("s:g[@class='panel']", ns)
assert len(panels) == 3, len(panels)
titles = [p.find("s:text[@class='title']", ns).text for p in panels]
assert titles[0].startswith("softmax(Q") and titles[1].startswith("softmax(Q") and "\u03bb" in titles[2], titles
for p in panels:
    assert len(p.findall("s:rect[@class='cell']", ns)) == 64
    assert p.find("s:text[@class='xlabel']", ns).text == "key j"
    assert p.find("s:text[@class='ylabel']", ns).text == "query i"
cell = lambda p, q, k: panels[p].find(f"s:rect[@data-query='{q}'][@data-key='{k}']", ns).get("fill")
assert cell(2, 2, 0) == "#ffffff", cell(2, 2, 0)              # nothing to find: exactly 0, white
assert cell(2, 0, 5).startswith("#ff") and cell(2, 0, 5) != "#ffffff"  # the relevant key: red
assert cell(2, 0, 0).endswith("ff") and cell(2, 0, 0) != "#ffffff"     # a distractor: blue
bar = root.find("s:g[@class='colourbar']", ns)
ticks = [t.text for t in bar.findall("s:text[@class='tick']", ns)]
assert "0 (exactly)" in ticks and ticks[0] != ticks[-1] and ticks[-1].startswith("-"), ticks
print("figure: 3 titled panels with query/key axes, the same colours, colour bar", ticks)
PY

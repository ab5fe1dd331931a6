#!/usr/bin/env python3
"""check_png.py SCREEN.png W H: the 512x256 1-bit PNG hacksim wrote is black exactly in
the W x H rectangle at the top left and white everywhere else (0 0: all white)."""
import sys
import zlib

path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
chunks, i = {}, 8
while i < len(data):
    n = int.from_bytes(data[i:i + 4], "big")
    chunks[data[i + 4:i + 8]] = data[i + 8:i + 8 + n]
    i += 12 + n
width, height = (int.from_bytes(chunks[b"IHDR"][k:k + 4], "big") for k in (0, 4))
assert (width, height) == (512, 256), (width, height)
raw = zlib.decompress(chunks[b"IDAT"])  # each row: a filter byte, then 64 bytes
for r in range(256):
    for c in range(512):
        black = not (raw[r * 65 + 1 + c // 8] >> (7 - c % 8)) & 1
        if black != (r < h and c < w):
            sys.exit(f"FAIL: {path}: pixel row {r} column {c} is {'black' if black else 'white'}")
print(f"ok   {path.rsplit('/', 1)[-1]}: black {w}x{h} at the top left, white elsewhere")

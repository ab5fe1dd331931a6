#!/usr/bin/env bash
# nandflow count prints the hierarchy with a NAND count per module, and its JSON agrees.
set -euo pipefail
nandflow=$1; testdir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$nandflow" count "$testdir/designs/hier_top.v" --top hier_top --json "$work/count.json" | tee "$work/out.txt"
grep -qE '^hier_top +[0-9]+' "$work/out.txt"
grep -qE '^  hier_fa x4 +[0-9]+' "$work/out.txt"
python3 - "$work/count.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
assert t["module"] == "hier_top", t
child = t["children"][0]
assert child["module"] == "hier_fa" and child["instances"] == 4, child
# The top flattens four full adders: it cannot need fewer NANDs than one of them.
assert t["nand2"] >= child["nand2"] > 0, t
print("count JSON ok")
PY

# --blackbox cuts the full adders out: nothing is left to count in the top but wires,
# the cut instances' pins become ports, and the netlist is still proven equivalent.
"$nandflow" count "$testdir/designs/hier_top.v" --top hier_top --blackbox hier_fa | tee "$work/cut.txt"
grep -qE '^hier_top +0 +0 +0$' "$work/cut.txt"
! grep -q hier_fa "$work/cut.txt"
"$nandflow" synth "$testdir/designs/hier_top.v" --top hier_top --blackbox hier_fa -o "$work/cut.v" --verify | grep -q '^PROVEN'
grep -qF 'output wire \stage[3].fa.c ' "$work/cut.v"
grep -qF 'input wire \stage[3].fa.co ' "$work/cut.v"
out=$("$nandflow" count "$testdir/designs/hier_top.v" --top hier_top --blackbox hier_fb 2>&1) && exit 1
grep -qF -- "--blackbox hier_fb: no module hier_fb in the design" <<<"$out"
out=$("$nandflow" synth "$testdir/designs/hier_top.v" --top hier_top --blackbox hier_fb -o "$work/x.v" 2>&1) && exit 1
grep -qF -- "--blackbox hier_fb: no module hier_fb in the design below the top" <<<"$out"
[ ! -e "$work/x.v" ]
echo "blackbox ok"

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

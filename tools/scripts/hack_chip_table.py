#!/usr/bin/env python3
"""Prints the NAND count of every Hack chip in rtl/hack as a Markdown table (the README's
chip table): `nandflow count` on the Computer with its memories cut out (--blackbox),
then on each chip that tree did not reach. The memories themselves (RAM512 and up,
Screen, ROM32K) are arrays, not gates, and are listed by size.

usage: hack_chip_table.py [--nandflow build/bin/nandflow] [-O2]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MEMORIES = {"RAM512": 512, "RAM4K": 4096, "RAM16K": 16384, "Screen": 8192, "ROM32K": 32768}
PROJECT = {  # the course project each chip belongs to
    **{c: 1 for c in "Nand Not And Or Xor Mux DMux Not16 And16 Or16 Mux16 Or8Way Mux4Way16 Mux8Way16 "
                     "DMux4Way DMux8Way".split()},
    **{c: 2 for c in "HalfAdder FullAdder Add16 Inc16 ALU".split()},
    **{c: 3 for c in "DFF Bit Register RAM8 RAM64 RAM512 RAM4K RAM16K PC".split()},
    **{c: 5 for c in "Screen ROM32K Memory CPU Computer".split()},
}


def count(nandflow, files, top, cut, effort):
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "count.json")
        cmd = [nandflow, "count", *files, "--top", top, "--json", report, effort]
        for m in cut:
            cmd += ["--blackbox", m]
        shown = ["nandflow count rtl/hack/*.v"] + cmd[2 + len(files):]
        print("  " + " ".join(shown).replace(" --json " + report, ""), file=sys.stderr)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        return json.load(open(report))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nandflow", default=os.path.join(ROOT, "build/bin/nandflow"))
    ap.add_argument("-O", dest="effort", default="2")
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(ROOT, "rtl/hack/*.v")))
    chips = [os.path.basename(f)[:-2] for f in files if not f.endswith("WordArray.v")]
    rows = {}

    def collect(node):
        rows.setdefault(node["module"], node)
        for child in node.get("children", []):
            collect(child)

    effort = "-O" + args.effort
    cut = ["RAM16K", "Screen", "ROM32K"]
    collect(count(args.nandflow, files, "Computer", cut, effort))
    for chip in chips:
        if chip not in rows and chip not in MEMORIES:
            collect(count(args.nandflow, files, chip, [], effort))

    order = sorted(chips, key=lambda c: (PROJECT.get(c, 9), chips.index(c)))
    print("| project | chip | NAND2 | flip-flops | NAND equivalent |")
    print("|---|---|---:|---:|---:|")
    for chip in order:
        if chip in MEMORIES:
            print(f"| {PROJECT.get(chip, '')} | {chip} | memory | {MEMORIES[chip]} x 16 bits | |")
            continue
        r = rows[chip]
        name = "Computer (without RAM16K, Screen, ROM32K)" if chip == "Computer" else chip
        print(f"| {PROJECT.get(chip, '')} | {name} | {r['nand2']:,} | {r['flip_flops']:,} | {r['nand_equivalent']:,} |")


if __name__ == "__main__":
    main()

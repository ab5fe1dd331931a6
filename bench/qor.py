#!/usr/bin/env python3
"""make bench: nandflow against Yosys and Berkeley ABC: NAND count, run time, memory.

Writes bench/results/qor.md, qor.json and qor.png, and with --scaling
bench/results/scaling.md and scaling.png (time and memory against size).
Baselines, each NOT counted as one NAND:
  Y  yosys -p 'synth -flatten -top T; abc -g NAND'
  C  Berkeley ABC's strongest area script, mapped to unit-cost NAND2 + INV:
     strash; dc2; compress2rs; compress2rs; dch -f; map -a
The EPFL suite (../shared/bench/epfl) is the standard benchmark; its Y and C as
measured when the suite was set up are in its README and are the bar (C is also
run here on each AIGER file, and the bar is the smallest of the three). nandflow
runs at its default effort with its default settings.
"""
import argparse, glob, json, math, os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "bench", "results")
SHARED = os.path.join(ROOT, "..", "shared", "bench")
NANDFLOW = os.path.join(ROOT, "build", "bin", "nandflow")
GENLIB = ("GATE ZERO 0 Y=CONST0;\nGATE ONE 0 Y=CONST1;\nGATE BUF 0 Y=A; PIN * NONINV 1 999 1 0 1 0\n"
          "GATE INV 1 Y=!A; PIN * INV 1 999 1 0 1 0\nGATE NAND2 1 Y=!(A*B); PIN * INV 1 999 1 0 1 0\n")
# ABC's compress2rs (from its abc.rc, which Debian does not ship).
COMPRESS2RS = ("balance -l; resub -K 6 -l; rewrite -l; resub -K 6 -N 2 -l; refactor -l; resub -K 8 -l; "
               "balance -l; resub -K 8 -N 2 -l; rewrite -l; resub -K 10 -l; rewrite -z -l; resub -K 10 -N 2 -l; "
               "balance -l; resub -K 12 -l; refactor -z -l; resub -K 12 -N 2 -l; rewrite -z -l; balance -l")
SCRIPT_C = f"strash; dc2; {COMPRESS2RS}; {COMPRESS2RS}; dch -f; map -a"


def run(cmd, timeout=None):
    """Runs a command; returns (exit code, output, seconds, peak RSS in MB)."""
    t0 = time.time()
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        try:
            _, status, usage = os.wait4(p.pid, 0)
        except KeyboardInterrupt:
            p.kill()
            raise
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode(errors="replace")
    return p.returncode, text, time.time() - t0, usage.ru_maxrss / 1024.0


def sources(path):
    """A design is one file or a glob of several (the Hack CPU is ../hack/*.v)."""
    return sorted(glob.glob(path)) if any(c in path for c in "*?[") else [path]


def reads(path):
    if path.endswith(".aig") or path.endswith(".aag"):
        return f"read_aiger {path}"
    if path.endswith(".blif"):
        return f"read_blif {path}"
    return f"read_verilog {'-sv ' if path.endswith('.sv') else ''}{' '.join(sources(path))}"


def top_option(top):
    return f"-top {top}" if top else "-auto-top"


def aiger_ands(path):
    """The A field of an AIGER header."""
    with open(path, "rb") as f:
        return int(f.readline().split()[5])


def baseline_yosys(path, top, tmp, timeout=3600):
    js = os.path.join(tmp, "y.json")
    rc, out, secs, mem = run(["timeout", str(timeout), "yosys", "-q", "-p",
                              f"{reads(path)}; synth -flatten {top_option(top)}; abc -g NAND; "
                              f"opt_clean; write_json {js}"])
    if rc == 124:
        return {"nand": None, "seconds": secs, "mb": mem, "timeout": True}
    if rc != 0:
        return None
    d = json.load(open(js))
    count = 0
    for m in d["modules"].values():
        if "top" in m.get("attributes", {}):
            count = sum(1 for c in m["cells"].values() if c["type"] in ("$_NAND_", "$_NOT_"))
    return {"nand": count, "seconds": secs, "mb": mem}


# nandflow's flip-flop cells, as its frontend legalises to them (kDffLegalize in
# tools/nandflow/frontend/yosys_frontend.cpp).
DFF_LEGALIZE = ("dfflegalize -cell $_DFF_P_ 01 -cell $_DFF_N_ 01 -cell $_DFF_PP0_ 01 -cell $_DFF_PP1_ 01 "
                "-cell $_DFF_NP0_ 01 -cell $_DFF_NP1_ 01 -cell $_DFFSR_PPP_ 01 -cell $_DFFSR_NPP_ 01 "
                "-cell $_DLATCH_?_ 01 -cell $_DLATCH_???_ 01 -cell $_DLATCHSR_???_ 01 -cell $_SR_??_ 01")


def baseline_yosys_same_flops(path, top, tmp, timeout=3600):
    """Y(FF): Yosys's synth and abc -g NAND with nandflow's flip-flop cells, for a sequential
    design nandflow's own run did not count it for (it does so only up to 1,000 AND nodes)."""
    js = os.path.join(tmp, "yff.json")
    rc, _, _, _ = run(["timeout", str(timeout), "yosys", "-q", "-p",
                       f"{reads(path)}; proc; synth -flatten -nofsm {top_option(top)}; {DFF_LEGALIZE}; abc -g NAND; "
                       f"opt_clean; write_json {js}"])
    if rc != 0:
        return None
    d = json.load(open(js))
    return sum(1 for m in d["modules"].values() if "top" in m.get("attributes", {})
               for c in m["cells"].values() if c["type"] in ("$_NAND_", "$_NOT_"))


def baseline_c(path, top, tmp, timeout=1200, script=None):
    """Script C (or another ABC script ending in map -a) on the AIGER file, or on Yosys's AIG
    of a Verilog design (flip-flops cut)."""
    aig = os.path.join(tmp, "c.aig")
    if path.endswith(".aig"):
        aig = path
    else:
        rc, out, _, _ = run(["yosys", "-q", "-p", f"{reads(path)}; synth -flatten {top_option(top)}; "
                             f"dffunmap; aigmap; write_aiger -zinit {aig}"])
        if rc != 0:
            return None
    genlib = os.path.join(tmp, "nand2.genlib")
    open(genlib, "w").write(GENLIB)
    rc, out, secs, mem = run(["timeout", str(timeout), "berkeley-abc", "-q",
                              f"read_library {genlib}; read {aig}; {script or SCRIPT_C}; print_gates"])
    if rc == 124:
        return {"nand": None, "seconds": secs, "mb": mem, "timeout": True}
    count = sum(int(m.group(1)) for m in re.finditer(r"^(?:NAND2|INV)\s+Fanin.*?Instance\s*=\s*(\d+)", out, re.M))
    if rc != 0 or count == 0:
        return None
    return {"nand": count, "seconds": secs, "mb": mem}


def nandflow(path, top, tmp, extra=()):
    rep = os.path.join(tmp, "r.json")
    cmd = [NANDFLOW, "synth", *sources(path), "--json", rep, *extra]
    if top:
        cmd += ["--top", top]
    rc, out, secs, mem = run(cmd)
    if rc != 0:
        print(out, file=sys.stderr)
        return None
    r = json.load(open(rep))
    return {"nand": r["nand2"], "flops": r["flip_flops"], "seconds": secs, "mb": mem,
            "yosys_seconds": r["yosys_seconds"], "stages": r.get("stage_seconds", {}),
            "stopped_by_time_limit": r.get("stopped_by_time_limit", False), "start": r.get("start_point"),
            "same_flops": r["yosys_abc_nand_same_flops"]}


def epfl_readme():
    """The Y and C the suite's README gives: design -> (AND nodes, Y, Y s, C, C s)."""
    rows = {}
    path = os.path.join(SHARED, "epfl", "README.md")
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[1].replace(",", "").isdigit():
            num = lambda s: int(s.replace(",", "")) if s.replace(",", "").isdigit() else None
            fl = lambda s: float(s) if re.fullmatch(r"[0-9.]+", s) else None
            rows[cells[0]] = (num(cells[1]), num(cells[2]), fl(cells[3]), num(cells[4]), fl(cells[5]))
    return rows


def epfl(tmp):
    """The shared EPFL designs, as Verilog (as a user runs them), and hyp.aig."""
    readme = epfl_readme()
    rows = []
    for f in sorted(glob.glob(os.path.join(SHARED, "epfl", "*.v"))):
        name = os.path.basename(f)[:-2]
        top = name if name in ("dec", "i2c") else "top"
        print(f"bench: epfl {name}", file=sys.stderr, flush=True)
        ands, y, ys, c, cs = readme.get(name, (None, None, None, None, None))
        aig = f[:-2] + ".aig"
        live_c = baseline_c(aig, top, tmp) if os.path.exists(aig) else None
        n = nandflow(f, top, tmp)
        rows.append({"design": name, "ands": ands or aiger_ands(aig), "y": y, "y_s": ys, "c": c, "c_s": cs,
                     "c_live": live_c, "nandflow": n})
    hyp = os.path.join(SHARED, "epfl", "hyp.aig")
    if os.path.exists(hyp):
        print("bench: epfl hyp", file=sys.stderr, flush=True)
        # C takes over ten minutes here: the reference is ABC's light script, not part of the bar.
        light = baseline_c(hyp, None, tmp, script="strash; dc2; map -a")
        note = "C did not finish in 751 s; no bar"
        if light:
            note += f"; ABC's `strash; dc2; map -a` gives {light['nand']:,} in {light['seconds']:.0f} s"
        rows.append({"design": "hyp", "ands": aiger_ands(hyp), "y": None, "y_s": None, "c": None, "c_s": None,
                     "c_live": None, "nandflow": nandflow(hyp, None, tmp), "note": note})
    return rows


def bar_of(r):
    """The count to beat: the smallest of Y, C and C run here."""
    xs = [x for x in (r.get("y"), r.get("c"), (r.get("c_live") or {}).get("nand")) if x]
    return min(xs) if xs else None


def budget_of(r):
    """The time allowed: three times C's, or 5 s, whichever is larger."""
    cs = r.get("c_s") or (r.get("c_live") or {}).get("seconds")
    return max(3 * cs, 5.0) if cs else None


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def epfl_lines(rows):
    lines = ["## EPFL combinational suite", "",
             "`nandflow synth X.v --top T` at the default effort, on the Verilog of each design. Y and C are the "
             "counts and times of the suite's README (measured when it was set up); C here is script C run again "
             "now on the design's AIGER file. The bar is the smallest of Y, C and C here; the time allowed is three "
             "times C's or 5 s, whichever is larger.", "",
             "| design | AND nodes | Y | C | C here | bar | nandflow | / bar | / Y | / C | nandflow s | allowed s | "
             "C s | MB |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    fmt = lambda x: f"{x:,}" if isinstance(x, int) else (x if x else "-")
    for r in rows:
        n = r["nandflow"]
        bar, allowed = bar_of(r), budget_of(r)
        ratio = lambda base: f"{n['nand'] / base:.3f}" if n and base else "-"
        if not n:
            lines.append(f"| {r['design']} | {fmt(r['ands'])} | {fmt(r['y'])} | {fmt(r['c'])} | | | failed | | | | | | | |")
            continue
        slow = allowed and n["seconds"] > allowed
        over = bar and n["nand"] > bar
        lines.append(
            f"| {r['design']} | {fmt(r['ands'])} | {fmt(r['y'])} | {fmt(r['c'])} | "
            f"{fmt((r['c_live'] or {}).get('nand'))} | {fmt(bar)} | {'**' if over else ''}{n['nand']:,}{'**' if over else ''} | "
            f"{ratio(bar)} | {ratio(r['y'])} | {ratio(r['c'])} | {'**' if slow else ''}{n['seconds']:.1f}{'**' if slow else ''} | "
            f"{f'{allowed:.1f}' if allowed else '-'} | {r['c_s'] if r['c_s'] else '-'} | {n['mb']:.0f} |")
    scored = [r for r in rows if r["nandflow"] and bar_of(r)]
    ratios = [r["nandflow"]["nand"] / bar_of(r) for r in scored]
    over = [r["design"] for r in scored if r["nandflow"]["nand"] > bar_of(r)]
    slow = [r["design"] for r in rows if r["nandflow"] and budget_of(r) and r["nandflow"]["seconds"] > budget_of(r)]
    lines += ["", f"Geometric mean over {len(scored)} designs: **{geomean(ratios):.3f} x the bar** (min of Y and C), "
                  f"{geomean([r['nandflow']['nand'] / r['y'] for r in scored if r['y']]):.3f} x Y, "
                  f"{geomean([r['nandflow']['nand'] / r['c'] for r in scored if r['c']]):.3f} x C.",
              f"Above the bar: {', '.join(over) or 'none'}. Over the time allowed: {', '.join(slow) or 'none'}."]
    for r in rows:
        if r.get("note") and r["nandflow"]:
            n = r["nandflow"]
            lines.append(f"{r['design']}: {r['ands']:,} AND nodes, {n['nand']:,} NAND2 in {n['seconds']:.0f} s and "
                         f"{n['mb']:.0f} MB ({r['note']}).")
    return lines


def others(tmp):
    """ISCAS-85/89 (shared) and the project's own designs."""
    designs = []
    if os.path.isdir(SHARED):
        for sub in ("iscas85", "iscas89"):
            for f in sorted(os.listdir(os.path.join(SHARED, sub))):
                if f.endswith(".v") or f.endswith(".aig"):
                    designs.append((f, os.path.join(SHARED, sub, f), None))
    else:
        print("bench: ../shared/bench not present: only the project's designs", file=sys.stderr)
    for line in open(os.path.join(ROOT, "rtl", "examples", "designs.txt")):
        if line.strip() and not line.startswith("#"):
            f, top = line.split()[:2]
            designs.append((top, os.path.join(ROOT, "rtl", "examples", f), top))
    for line in open(os.path.join(ROOT, "tests", "designs", "manifest.txt")):
        fields = line.split()
        if fields and not line.startswith("#") and len(fields) == 2:
            designs.append((fields[1], os.path.join(ROOT, "tests", "designs", fields[0]), fields[1]))
    rows = []
    for name, path, top in designs:
        print(f"bench: {name}", file=sys.stderr, flush=True)
        n = nandflow(path, top, tmp)
        if n and n["flops"] and n["same_flops"] is None:
            n["same_flops"] = baseline_yosys_same_flops(path, top, tmp)
        rows.append({"design": name, "nandflow": n, "y": baseline_yosys(path, top, tmp), "c": baseline_c(path, top, tmp)})
    return rows


def other_lines(rows):
    lines = ["## ISCAS-85/89 and the project's designs", "",
             "Y and C run here. For designs with flip-flops, Y keeps enables and synchronous resets inside its "
             "flip-flop cells (that logic is not in its count); Y(FF) is Yosys's abc -g NAND with nandflow's "
             "flip-flop cells, the like-for-like comparison, and the bar uses it instead of Y there. C cuts the "
             "flip-flops (`dffunmap`) and counts their enable logic.", "",
             "| design | nandflow | Y | Y(FF) | C | bar | / bar | nandflow s | Y s | C s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    ratios, over = [], []
    for r in rows:
        n, y, c = r["nandflow"], r["y"], r["c"]
        if not n:
            lines.append(f"| {r['design']} | failed | | | | | | | | |")
            continue
        ycount = (n["same_flops"] if n["flops"] and n["same_flops"] is not None else (y or {}).get("nand"))
        bar = min(x for x in (ycount, (c or {}).get("nand")) if x) if (ycount or c) else None
        if bar:
            ratios.append(n["nand"] / bar)
            if n["nand"] > bar:
                over.append(r["design"])
        lines.append(f"| {r['design']} | {n['nand']} | {(y or {}).get('nand', '-')} | "
                     f"{n['same_flops'] if n['flops'] and n['same_flops'] is not None else '-'} | {(c or {}).get('nand', '-')} | "
                     f"{bar or '-'} | {n['nand'] / bar if bar else float('nan'):.3f} | {n['seconds']:.1f} | "
                     f"{(y or {}).get('seconds', 0):.1f} | {(c or {}).get('seconds', 0):.1f} |")
    lines += ["", f"Geometric mean over {len(ratios)} designs: {geomean(ratios):.3f} x the bar. "
                  f"Above the bar: {', '.join(over) or 'none'}."]
    return lines


def qor(args):
    os.makedirs(RESULTS, exist_ok=True)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        if os.path.isdir(os.path.join(SHARED, "epfl")):
            out["epfl"] = epfl(tmp)
        else:
            print("bench: ../shared/bench/epfl not present: EPFL table left out", file=sys.stderr)
        if not args.epfl_only:
            out["others"] = others(tmp)
        elif os.path.exists(os.path.join(RESULTS, "qor.json")):
            # The EPFL table run again: the other table is kept as the last full run left it.
            out["others"] = json.load(open(os.path.join(RESULTS, "qor.json"))).get("others", [])
    json.dump(out, open(os.path.join(RESULTS, "qor.json"), "w"), indent=1)
    write_qor(out)


def write_qor(out):
    lines = ["# NAND count: nandflow against Yosys and Berkeley ABC", "",
             "Each NOT counts as one NAND. Y: `yosys synth -flatten; abc -g NAND`. C: Berkeley ABC's strongest area "
             "script, `strash; dc2; compress2rs; compress2rs; dch -f; map -a`, mapped to unit-cost NAND2 + INV. "
             "nandflow at its default effort (-O2, bounded by work: the same netlist on any machine). Times are "
             "wall-clock on this 2-core machine, with the exact-synthesis cache as the run found it. Written by "
             "`make bench` (bench/qor.py).", ""]
    if out.get("epfl"):
        lines += epfl_lines(out["epfl"]) + [""]
    if out.get("others"):
        lines += other_lines(out["others"])
    open(os.path.join(RESULTS, "qor.md"), "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))
    plot_qor(out)


def plot_qor(out):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench: matplotlib missing, no plot", file=sys.stderr)
        return
    rows = [r for r in out.get("epfl", []) if r["nandflow"] and bar_of(r)]
    if not rows:
        return
    names = [r["design"] for r in rows]
    fig, ax = plt.subplots(figsize=(max(8, len(names) * 0.55), 4.5))
    xs = range(len(names))
    series = (("nandflow", [r["nandflow"]["nand"] / bar_of(r) for r in rows]),
              ("Yosys abc -g NAND (Y)", [r["y"] / bar_of(r) if r["y"] else 0 for r in rows]),
              ("ABC script C", [r["c"] / bar_of(r) if r["c"] else 0 for r in rows]))
    for k, (label, values) in enumerate(series):
        ax.bar([x + (k - 1) * 0.27 for x in xs], values, 0.27, label=label)
    ax.set_xticks(list(xs))
    ax.set_xticklabels(names, rotation=60, fontsize=8)
    ax.set_ylabel("NAND2 count / min(Y, C)")
    ax.set_title("EPFL suite: NAND2 + INV count relative to the better of Yosys and ABC")
    ax.axhline(1.0, color="gray", linewidth=0.6)
    ax.axhline(geomean(series[0][1]), color="C0", linewidth=0.8, linestyle="--",
               label=f"nandflow geometric mean {geomean(series[0][1]):.3f}")
    ax.set_ylim(0.5, max(1.5, max(max(v) for _, v in series) * 1.05))
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(RESULTS, "qor.png"), dpi=120)


def write_scaling(rows, args):
    """Written after every width, so that a long series leaves its finished rows."""
    lines = ["# Scaling: nandflow on WxW multipliers", "",
             "-O2 is the default flow (bounded by work). -O0 maps without optimising: Yosys's front end, reading, "
             "mapping and writing, which is what grows with the design. Yosys: `synth -flatten; abc -g NAND` "
             f"(stopped after {args.scaling_yosys_timeout} s). Peak memory is the largest resident set. "
             "Written by `make bench`.", "",
             "| multiplier | -O2 NAND2 | -O2 s | -O2 MB | -O0 NAND2 | -O0 s | -O0 MB | Yosys NAND | Yosys s | Yosys MB |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    def cells(r):
        if not r:
            return "failed | | "
        return f"{r['nand']} | {r['seconds']:.1f} | {r['mb']:.0f}"
    for r in rows:
        y = r["yosys"]
        ycell = (f"stopped | {y['seconds']:.0f} | {y['mb']:.0f}" if y and y.get("timeout") else cells(y))
        lines.append(f"| {r['width']}x{r['width']} | {cells(r['nandflow'])} | {cells(r.get('map_only'))} | {ycell} |")
    open(os.path.join(RESULTS, "scaling.md"), "w").write("\n".join(lines) + "\n")
    json.dump(rows, open(os.path.join(RESULTS, "scaling.json"), "w"), indent=1)
    print("\n".join(lines))


def scaling(args):
    os.makedirs(RESULTS, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for w in args.scaling_widths:
            p = os.path.join(tmp, f"mul{w}.v")
            open(p, "w").write(f"module mul{w}(input [{w-1}:0] a, b, output [{2*w-1}:0] p); assign p = a * b; endmodule\n")
            print(f"bench: scaling mul{w}", file=sys.stderr, flush=True)
            n = nandflow(p, f"mul{w}", tmp)
            m = nandflow(p, f"mul{w}", tmp, ["-O0"])
            y = baseline_yosys(p, f"mul{w}", tmp, args.scaling_yosys_timeout)
            rows.append({"width": w, "nandflow": n, "map_only": m, "yosys": y})
            write_scaling(rows, args)
    plot_scaling(rows, args)


def plot_scaling(rows, args):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(1, 2, figsize=(10, 4))
        for key, label, mark in (("nandflow", "nandflow -O2", "o-"), ("map_only", "nandflow -O0", "^-")):
            ok = [r for r in rows if r.get(key)]
            ax[0].loglog([r[key]["nand"] for r in ok], [r[key]["seconds"] for r in ok], mark, label=label)
            ax[1].loglog([r[key]["nand"] for r in ok], [r[key]["mb"] for r in ok], mark, label=label)
        ok = [r for r in rows if r["yosys"] and r["yosys"]["nand"] and r.get("map_only")]
        ax[0].loglog([r["map_only"]["nand"] for r in ok], [r["yosys"]["seconds"] for r in ok], "s-", label="Yosys abc -g NAND")
        ax[0].set_xlabel("NAND2 gates"); ax[0].set_ylabel("seconds"); ax[0].legend()
        ax[1].set_xlabel("NAND2 gates"); ax[1].set_ylabel("peak MB"); ax[1].legend()
        fig.tight_layout()
        fig.savefig(os.path.join(RESULTS, "scaling.png"), dpi=120)
    except ImportError:
        pass


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epfl-only", action="store_true", help="run the EPFL table only (the other table kept from qor.json)")
    ap.add_argument("--scaling", action="store_true", help="also run the scaling series")
    ap.add_argument("--no-qor", action="store_true", help="skip the QoR tables (scaling series only)")
    ap.add_argument("--scaling-widths", type=int, nargs="*", default=[8, 16, 32, 64, 128])
    ap.add_argument("--scaling-yosys-timeout", type=int, default=900)
    ap.add_argument("--tables-only", action="store_true", help="rewrite qor.md and the plots from qor.json")
    args = ap.parse_args()
    if args.tables_only:
        write_qor(json.load(open(os.path.join(RESULTS, "qor.json"))))
        return
    if not args.no_qor:
        qor(args)
    if args.scaling:
        scaling(args)


if __name__ == "__main__":
    main()

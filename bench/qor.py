#!/usr/bin/env python3
"""make bench: nandflow against Yosys and ABC, NAND count, run time and memory.

Writes bench/results/qor.md, qor.json and qor.png (NAND count per design), and
with --scaling bench/results/scaling.md and scaling.png (time and memory against
size). Baselines, each NOT counted as one NAND:
  Y  yosys -p 'synth -flatten -top T; abc -g NAND; stat'
  A  Berkeley ABC, unit-cost NAND2+INV genlib, 'resyn2; resyn2; dch; map -a'
"""
import argparse, glob, json, math, os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "bench", "results")
GENLIB = "GATE ZERO 0 O=CONST0;\nGATE ONE 0 O=CONST1;\nGATE BUF 1 O=a; PIN * NONINV 1 999 1 0 1 0\n" \
         "GATE INV 1 O=!a; PIN * INV 1 999 1 0 1 0\n" \
         "GATE NAND2 1 O=!(a*b); PIN * INV 1 999 1 0 1 0\n"
RESYN2 = "balance; rewrite; refactor; balance; rewrite; rewrite -z; balance; refactor -z; rewrite -z; balance"


def run(cmd, timeout=3600):
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
    """A design is one file or a glob of several (designs.txt lists the Hack CPU as ../hack/*.v)."""
    return sorted(glob.glob(path)) if any(c in path for c in "*?[") else [path]


def reads(path):
    if path.endswith(".aig") or path.endswith(".aag"):
        return f"read_aiger {path}"
    if path.endswith(".blif"):
        return f"read_blif {path}"
    return f"read_verilog {'-sv ' if path.endswith('.sv') else ''}{' '.join(sources(path))}"


def top_option(top):
    return f"-top {top}" if top else "-auto-top"


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


def baseline_abc(path, top, tmp):
    aig = os.path.join(tmp, "a.aig")
    rc, out, _, _ = run(["yosys", "-q", "-p", f"{reads(path)}; synth -flatten {top_option(top)}; "
                         f"async2sync; dfflegalize -cell $_DFF_P_ 01; dffunmap; aigmap; opt_clean; write_aiger -zinit {aig}"])
    if rc != 0:
        return None
    genlib = os.path.join(tmp, "nand.genlib")
    open(genlib, "w").write(GENLIB)
    script = f"read_genlib {genlib}; read {aig}; strash; {RESYN2}; {RESYN2}; dch; map -a; print_stats"
    rc, out, secs, mem = run(["berkeley-abc", "-c", script])
    m = re.search(r"nd\s*=\s*(\d+)", out)
    if rc != 0 or not m:
        return None
    return {"nand": int(m.group(1)), "seconds": secs, "mb": mem}


def nandflow(path, top, tmp, effort, time_limit):
    rep = os.path.join(tmp, "r.json")
    cmd = [os.path.join(ROOT, "build", "bin", "nandflow"), "synth", *sources(path), f"-O{effort}", "--time-limit",
           str(time_limit), "--json", rep]
    if top:
        cmd += ["--top", top]
    rc, out, secs, mem = run(cmd)
    if rc != 0:
        print(out, file=sys.stderr)
        return None
    r = json.load(open(rep))
    return {"nand": r["nand2"], "flops": r["flip_flops"], "seconds": secs, "mb": mem,
            "same_flops": r["yosys_abc_nand_same_flops"]}


def generated(tmp):
    """Arithmetic of 8 to 256 bits, written as plain Verilog."""
    out = []
    def write(name, text):
        p = os.path.join(tmp, name + ".v")
        open(p, "w").write(text)
        out.append((name, p, name))
    for w in (8, 16, 32, 64, 128, 256):
        write(f"add{w}", f"module add{w}(input [{w-1}:0] a, b, output [{w-1}:0] s); assign s = a + b; endmodule\n")
        write(f"addc{w}", f"module addc{w}(input [{w-1}:0] a, b, input ci, output [{w}:0] s); assign s = a + b + ci; endmodule\n")
        write(f"inc{w}", f"module inc{w}(input [{w-1}:0] a, output [{w-1}:0] s); assign s = a + 1'b1; endmodule\n")
        write(f"lt{w}", f"module lt{w}(input [{w-1}:0] a, b, output lt, eq); assign lt = a < b; assign eq = a == b; endmodule\n")
    for w in (8, 16, 32):
        write(f"mul{w}", f"module mul{w}(input [{w-1}:0] a, b, output [{2*w-1}:0] p); assign p = a * b; endmodule\n")
    return out


def suite(tmp, quick):
    designs = []
    shared = os.path.join(ROOT, "..", "shared", "bench")
    if os.path.isdir(shared):
        for sub in ("iscas85",):
            for f in sorted(os.listdir(os.path.join(shared, sub))):
                if f.endswith(".v") or f.endswith(".aig"):
                    designs.append((f, os.path.join(shared, sub, f), None))
    else:
        print("bench: ../shared/bench not present, ISCAS-85 left out", file=sys.stderr)
    for line in open(os.path.join(ROOT, "rtl", "examples", "designs.txt")):
        if line.strip() and not line.startswith("#"):
            f, top = line.split()[:2]
            designs.append((top, os.path.join(ROOT, "rtl", "examples", f), top))
    designs += [d for d in generated(tmp) if not quick or d[0].endswith(("8", "16"))]
    return designs


def geomean(xs):
    xs = [x for x in xs if x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def qor(args):
    os.makedirs(RESULTS, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, path, top in suite(tmp, args.quick):
            print(f"bench: {name}", file=sys.stderr, flush=True)
            row = {"design": name, "nandflow": nandflow(path, top, tmp, args.effort, args.time_limit),
                   "yosys": baseline_yosys(path, top, tmp), "abc": baseline_abc(path, top, tmp)}
            rows.append(row)
    json.dump(rows, open(os.path.join(RESULTS, "qor.json"), "w"), indent=1)
    lines = [f"# NAND count: nandflow -O{args.effort} against Yosys and ABC", "",
             "Each NOT counts as one NAND. Y: `yosys synth -flatten; abc -g NAND`. A: Berkeley ABC, unit-cost "
             "NAND2+INV genlib, `resyn2; resyn2; dch; map -a`. Y(FF): Yosys's abc -g NAND with nandflow's flip-flop "
             "cells (enables and synchronous resets as logic, as in nandflow's netlists). Times are wall-clock on "
             f"this 2-core machine; nandflow's time limit was {args.time_limit} s. Written by `make bench`.", "",
             "| design | nandflow | Y | A | Y(FF) | vs Y | vs A | nandflow s | Y s | A s | nandflow MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    ry, ra = [], []
    for r in rows:
        n, y, a = r["nandflow"], r["yosys"], r["abc"]
        if not n:
            lines.append(f"| {r['design']} | failed | | | | | | | | | |")
            continue
        vy = n["nand"] / y["nand"] if y and y["nand"] else float("nan")
        va = n["nand"] / a["nand"] if a and a["nand"] else float("nan")
        if y and y["nand"]:
            ry.append(vy)
        if a and a["nand"]:
            ra.append(va)
        lines.append(f"| {r['design']} | {n['nand']} | {y['nand'] if y else '-'} | {a['nand'] if a else '-'} | "
                     f"{n['same_flops'] if n['same_flops'] is not None else '-'} | {vy:.3f} | {va:.3f} | {n['seconds']:.1f} | "
                     f"{y['seconds'] if y else 0:.1f} | {a['seconds'] if a else 0:.1f} | {n['mb']:.0f} |")
    lines += ["", f"Geometric mean ratio: {geomean(ry):.3f} x Y, {geomean(ra):.3f} x A over {len(ry)} designs.",
              f"Designs above Y: {', '.join(r['design'] for r in rows if r['nandflow'] and r['yosys'] and r['nandflow']['nand'] > r['yosys']['nand']) or 'none'}.",
              f"Designs above A: {', '.join(r['design'] for r in rows if r['nandflow'] and r['abc'] and r['nandflow']['nand'] > r['abc']['nand']) or 'none'}."]
    open(os.path.join(RESULTS, "qor.md"), "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))
    plot_qor(rows)


def plot_qor(rows):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench: matplotlib missing, no plot", file=sys.stderr)
        return
    rows = [r for r in rows if r["nandflow"] and r["yosys"] and r["abc"]]
    names = [r["design"] for r in rows]
    fig, ax = plt.subplots(figsize=(max(8, len(names) * 0.35), 5))
    xs = range(len(names))
    for off, key, label in ((-0.27, "nandflow", "nandflow"), (0, "yosys", "Yosys abc -g NAND"), (0.27, "abc", "ABC map -a")):
        ax.bar([x + off for x in xs], [r[key]["nand"] / r["yosys"]["nand"] for r in rows], 0.27, label=label)
    ax.set_xticks(list(xs))
    ax.set_xticklabels(names, rotation=90, fontsize=7)
    ax.set_ylabel("NAND count / Yosys's")
    ax.axhline(1.0, color="gray", linewidth=0.5)
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(RESULTS, "qor.png"), dpi=120)


def write_scaling(rows, args):
    """Written after every width, so that a long series leaves its finished rows."""
    lines = [f"# Scaling: nandflow on WxW multipliers", "",
             f"-O2 is the default flow with its time limit ({args.time_limit} s for the whole run, Yosys included): "
             "its time is mostly the limit. -O0 maps without optimising: Yosys's front end, reading, mapping and "
             "writing, which is what grows with the design. Yosys: `synth -flatten; abc -g NAND` "
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
            n = nandflow(p, f"mul{w}", tmp, args.effort, args.time_limit)
            m = nandflow(p, f"mul{w}", tmp, 0, args.time_limit)
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
        for key, label, mark in (("nandflow", f"nandflow -O{args.effort}", "o-"), ("map_only", "nandflow -O0", "^-")):
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
    ap.add_argument("--effort", type=int, default=2)
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--quick", action="store_true", help="generated designs of 8 and 16 bits only")
    ap.add_argument("--scaling", action="store_true", help="also run the scaling series")
    ap.add_argument("--no-qor", action="store_true", help="skip the QoR suite (scaling series only)")
    ap.add_argument("--scaling-widths", type=int, nargs="*", default=[8, 16, 32, 64, 128])
    ap.add_argument("--scaling-yosys-timeout", type=int, default=900)
    ap.add_argument("--plots-only", action="store_true", help="redraw the plots from qor.json and scaling.json")
    args = ap.parse_args()
    if args.plots_only:
        plot_qor(json.load(open(os.path.join(RESULTS, "qor.json"))))
        plot_scaling(json.load(open(os.path.join(RESULTS, "scaling.json"))), args)
        return
    if not args.no_qor:
        qor(args)
    if args.scaling:
        scaling(args)


if __name__ == "__main__":
    main()

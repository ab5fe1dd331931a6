#!/usr/bin/env python3
"""make bench (and make reliability): how far nandflow can be trusted, measured.

Writes bench/results/reliability.md and reliability.json from:
  - a random-design campaign: nandflow-random-design --small, seeds from --first-seed,
    each through `nandflow synth --verify` at every effort level -O0..-O3; every 10th
    design also checked by Yosys alone (tests/integration/independent_check.sh --miter)
    and every 25th co-simulated in Verilator;
  - the checker on its own: tests/integration/mutants.sh (Yosys `mutate`);
  - the libFuzzer campaigns logged in bench/results/fuzz-campaigns.tsv (make fuzz-readers);
  - the bugs found so far, bench/bugs.md (kept by hand: each with its regression test).
A crash is any run killed by a signal or reporting an internal error.
"""
import argparse, concurrent.futures, json, os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "bench", "results")
INDEPENDENT = os.path.join(ROOT, "tests", "integration", "independent_check.sh")


def run(cmd, timeout=600):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired:
        return -1, "timeout"


def classify(rc, out):
    if rc < 0 and out == "timeout":
        return "timeout"
    if rc >= 128 or rc < 0 or "internal error" in out:
        return "crash"
    if rc == 0 and re.search(r"^PROVEN", out, re.M):
        return "proven"
    if "NOT EQUIVALENT" in out:
        return "refused"
    return "error"


def one_design(build, seed):
    """Every effort level of one random design; returns a dict of outcomes."""
    bindir = os.path.join(build, "bin")
    result = {"seed": seed, "levels": {}, "icarus": {}, "independent": None, "cosim": None, "notes": []}
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "d.v")
        tb = os.path.join(tmp, "tb.v")
        rc, out = run([os.path.join(bindir, "nandflow-random-design"), str(seed), "--small", "-o", src, "--testbench", tb])
        if rc != 0:
            result["notes"].append("generator failed: " + out[-200:])
            return result
        for level in range(4):
            net = os.path.join(tmp, f"n{level}", "n.v")
            os.makedirs(os.path.dirname(net))
            rc, out = run([os.path.join(bindir, "nandflow"), "synth", src, "-o", net, "--verify",
                           f"-O{level}", "--time-limit", "5"])
            verdict = classify(rc, out)
            result["levels"][level] = verdict
            if verdict == "proven":  # co-simulated in Icarus with the generator's testbench
                renamed = os.path.join(tmp, f"n{level}", "net.v")
                with open(net) as f_in, open(renamed, "w") as f_out:
                    f_out.write(re.sub(r"^module random_design ", "module random_design_net ", f_in.read(), flags=re.M))
                vvp = os.path.join(tmp, f"n{level}", "tb.vvp")
                rc, out = run(["iverilog", "-g2012", "-o", vvp, src, renamed, os.path.join(tmp, f"n{level}", "nf_cells.v"), tb])
                if rc == 0:
                    rc, out = run(["vvp", "-n", vvp])
                ok = rc == 0 and re.search(r"^PASS", out, re.M) is not None
                result["icarus"][level] = "pass" if ok else "fail"
                if not ok:
                    result["notes"].append(f"-O{level}: Icarus co-simulation: " + out.strip()[-200:])
            if verdict != "proven":
                result["notes"].append(f"-O{level}: {verdict}: " + out.strip().splitlines()[-1][:200] if out.strip() else "")
        net = os.path.join(tmp, "n2", "n.v")
        if result["levels"].get(2) == "proven":
            if seed % 10 == 0:
                rc, out = run(["bash", INDEPENDENT, "--miter", src, "random_design", net])
                result["independent"] = {0: "proven", 3: "undecided"}.get(rc, "refuted")
            if seed % 25 == 0:
                rc, out = run([os.path.join(bindir, "nandflow"), "cosim", src, "--netlist", net, "--cycles", "200"])
                result["cosim"] = "pass" if rc == 0 else "fail"
    return result


def random_campaign(build, first, count, jobs):
    results = []
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for i, r in enumerate(pool.map(lambda s: one_design(build, s), range(first, first + count)), 1):
            results.append(r)
            if i % 20 == 0 or i == count:
                print(f"reliability: {i}/{count} random designs ({time.time() - t0:.0f} s)", flush=True)
    return results, time.time() - t0


def mutants(build):
    rc, out = run(["bash", os.path.join(ROOT, "tests", "integration", "mutants.sh"),
                   os.path.join(build, "bin", "nandflow"), ROOT], timeout=1800)
    m = re.search(r"ok +(\d+) faulty mutants refused; (\d+) mutants proven equivalent", out)
    per_design = re.findall(r"ok +(\d+) mutants of (\S+): (\d+) refused", out)
    return {"ok": rc == 0 and m is not None, "refused": int(m.group(1)) if m else 0,
            "equivalent": int(m.group(2)) if m else 0,
            "designs": [{"design": d, "mutants": int(n), "refused": int(r)} for n, d, r in per_design],
            "log_tail": out.strip().splitlines()[-3:]}


def fuzz_campaigns():
    path = os.path.join(RESULTS, "fuzz-campaigns.tsv")
    targets = {}
    if os.path.exists(path):
        for line in open(path):
            f = line.rstrip("\n").split("\t")
            if len(f) != 5 or not f[2].isdigit():
                continue
            t = targets.setdefault(f[1], {"runs": 0, "seconds": 0, "inputs": 0, "findings": 0, "last": "clean"})
            t["runs"] += 1
            t["seconds"] += int(f[2])
            t["inputs"] += int(f[3] or 0)
            t["findings"] += f[4] != "clean"
            t["last"] = f[4]
    return targets


def aggregate(campaign, seconds, first_seed):
    """The campaign's figures, as reliability.json keeps them."""
    levels = [r["levels"].get(l) for r in campaign for l in range(4)]
    count = lambda xs, v: sum(1 for x in xs if x == v)
    indep = [r["independent"] for r in campaign if r["independent"]]
    cosims = [r["cosim"] for r in campaign if r["cosim"]]
    icarus = [v for r in campaign for v in r.get("icarus", {}).values()]
    return {"designs": len(campaign), "first_seed": first_seed, "netlists": len(levels),
            "proven": count(levels, "proven"), "refused": count(levels, "refused"),
            "errors": count(levels, "error"), "timeouts": count(levels, "timeout"),
            "crashes": count(levels, "crash"), "seconds": round(seconds),
            "independent": {"checked": len(indep), "proven": count(indep, "proven"),
                            "undecided": count(indep, "undecided"), "refuted": count(indep, "refuted")},
            "cosim": {"runs": len(cosims), "pass": count(cosims, "pass")},
            "icarus": {"runs": len(icarus), "pass": count(icarus, "pass")},
            "failures": [{"seed": r["seed"], "notes": r["notes"]} for r in campaign if r["notes"]]}


def write_report(rnd, muts, fuzz, args):
    # Open crashes: in the random campaign, and fuzz targets whose latest campaign found one
    # (a finding is fixed, given a regression input, and the target run again clean).
    crashes = rnd["crashes"] + sum(1 for t in fuzz.values() if t["last"] != "clean")
    fixed_findings = sum(t["findings"] for t in fuzz.values() if t["last"] == "clean")
    data = {"random": rnd, "mutants": muts, "fuzz": fuzz, "crashes": crashes}
    with open(os.path.join(RESULTS, "reliability.json"), "w") as f:
        json.dump(data, f, indent=1)
    yosys = run(["yosys", "-V"])[1].strip()
    lines = [
        "# Reliability",
        "",
        f"Written by `make bench` (bench/reliability.py) on {time.strftime('%Y-%m-%d')}, {yosys}, "
        f"{os.cpu_count()}-core machine.",
        "",
        f"**Crashes: {crashes}** open ({fixed_findings} found by fuzzing and fixed, each with its regression "
        "input; the campaigns after the fix were clean). A wrong netlist written: never (every netlist below "
        "was proven by `nandflow verify` before it was written; a refused one is not written).",
        "",
        "## Random-design differential testing",
        "",
        f"`nandflow-random-design SEED --small`, seeds {rnd['first_seed']} to {rnd['first_seed'] + rnd['designs'] - 1}, "
        f"each through `nandflow synth --verify -O0 .. -O3` ({rnd['seconds']} s on 2 workers):",
        "",
        "| netlists | proven by nandflow verify | refused (synth failed, nothing written) | other errors | timeouts | crashes |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {rnd['netlists']} | {rnd['proven']} | {rnd['refused']} | {rnd['errors']} | {rnd['timeouts']} | {rnd['crashes']} |",
        "",
        f"Independent check, every 10th design's -O2 netlist, by Yosys alone (miter, `sat -tempinduct`, "
        f"12 steps): {rnd['independent']['checked']} checked, {rnd['independent']['proven']} proven, "
        f"{rnd['independent']['undecided']} undecided (induction did not close; no counterexample), "
        f"{rnd['independent']['refuted']} refuted.",
        f"Co-simulation of every proven netlist against its source in Icarus (the generator's self-checking "
        f"testbench, 200 random cycles, every output bit the source defines compared after every edge): "
        f"{rnd.get('icarus', {}).get('pass', 0)} of {rnd.get('icarus', {}).get('runs', 0)} agree. "
        f"In Verilator (`nandflow cosim`), every 25th design's -O2 netlist: {rnd['cosim']['pass']} of "
        f"{rnd['cosim']['runs']} agree.",
        "",
        "`make test` runs its own fixed slice (seeds 1 to 200, `random.*`, the level cycling with the "
        "seed; every netlist co-simulated in Icarus, every 25th in Verilator, every 10th checked by Yosys "
        "alone); `make fuzz` runs longer campaigns.",
        "",
    ]
    if rnd["failures"]:
        lines += ["Designs not proven at every level (each is a bug to fix and a regression test to add):", ""]
        lines += [f"- seed {f['seed']}: " + "; ".join(n for n in f["notes"] if n) for f in rnd["failures"]]
        lines.append("")
    lines += ["## The checker on its own", ""]
    if muts["ok"]:
        per = ", ".join(f"{d['design']} {d['refused']} of {d['mutants']}" for d in muts["designs"])
        lines += [f"Yosys `mutate` (a gate input inverted or tied, the netlists of the adder16 and counter "
                  f"examples; tests/integration/mutants.sh): {muts['refused']} faulty mutants, every one refused "
                  f"by `nandflow verify` and none proven by Yosys `equiv_*` ({per}); {muts['equivalent']} "
                  f"mutants proven equivalent by both tools (the mutated gate was redundant).", ""]
    else:
        lines += ["The mutant run failed: " + " / ".join(muts["log_tail"]), ""]
    lines += ["## Malformed input: libFuzzer (ASan + UBSan)", "",
              "Campaigns logged by `make fuzz-readers` (tests/fuzz; seed corpora in tests/fuzz/corpus); "
              "`make test` runs 20,000 inputs per target.", "",
              "| target | reader | campaigns | hours | inputs | findings | latest campaign |", "|---|---|---:|---:|---:|---:|---|"]
    readers = {"aiger": "AIGER check before Yosys's read_aiger (io/check_aiger)",
               "yosys_json": "Yosys JSON netlist reader (io/read_yosys_json)",
               "hack_asm": "Hack assembler and .hack reader", "tst_script": "nand2tetris .tst parser, .cmp matcher"}
    for t in readers:
        f = fuzz.get(t, {"runs": 0, "seconds": 0, "inputs": 0, "findings": 0, "last": "clean"})
        lines.append(f"| {t} | {readers[t]} | {f['runs']} | {f['seconds'] / 3600:.2f} | {f['inputs']:,} | {f['findings']} "
                     f"| {f['last']} |")
    lines.append("")
    bugs = os.path.join(ROOT, "bench", "bugs.md")
    if os.path.exists(bugs):
        lines += open(bugs).read().rstrip("\n").splitlines() + [""]
    with open(os.path.join(RESULTS, "reliability.md"), "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines[:22]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--designs", type=int, default=200)
    ap.add_argument("--first-seed", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-mutants", action="store_true")
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite reliability.md from reliability.json and the fuzz log, running nothing")
    args = ap.parse_args()
    os.makedirs(RESULTS, exist_ok=True)
    if args.report_only:
        data = json.load(open(os.path.join(RESULTS, "reliability.json")))
        write_report(data["random"], data["mutants"], fuzz_campaigns(), args)
        return 0
    campaign, seconds = random_campaign(args.build, args.first_seed, args.designs, args.jobs)
    muts = {"ok": False, "refused": 0, "equivalent": 0, "designs": [], "log_tail": ["skipped"]} if args.no_mutants \
        else mutants(args.build)
    write_report(aggregate(campaign, seconds, args.first_seed), muts, fuzz_campaigns(), args)


if __name__ == "__main__":
    sys.exit(main())

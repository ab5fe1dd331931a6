#!/usr/bin/python3
"""The pages `nandflow view` writes, opened in a real browser (Debian's chromium,
headless, driven by chromedriver through Selenium):

  full adder  draws 9 NAND gates (hovering one shows its inputs); clicking the inputs through all 8 patterns gives the
              outputs of the truth table nandflow computes itself (view --json), and the
              page's own truth table is that table; chromium --dump-dom shows the gates
  counter     counts when the clock is stepped: reset, then 5 steps with en = 1 show 5,
              a step with en = 0 keeps it; hovering a flip-flop shows its source line
  Hack PC     its gates reset, count and load as the clock is stepped
  Hack ALU    opens in the module view: a box per instance with the NAND count that
              `nandflow count` gives; a click opens Add16; the ALU's gates compute
              5 + 3 = 8 and 5 & 3 = 1; with --max-gates below its size the page says so
  examples    gates, half adder, 16-bit adder, traffic light: every gate drawn
  every page  a screenshot that is not blank (Selenium's and chromium --screenshot's); no
              script errors in the browser's log
usage: view_browser.py NANDFLOW_BIN SOURCE_DIR
Exit 77 (skipped, with a message) when chromium, chromedriver or Selenium is missing.
"""
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

nandflow, src = sys.argv[1], sys.argv[2]
try:
    from selenium import webdriver
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
except ImportError:
    print("SKIPPED: python3-selenium is not installed (make deps installs it)")
    sys.exit(77)
chromium = shutil.which("chromium")
if not chromium or not shutil.which("chromedriver"):
    print("SKIPPED: chromium or chromedriver is not installed (make deps installs them)")
    sys.exit(77)

work = tempfile.mkdtemp(prefix="nandflow-view-")


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def view(name, files, *extra):
    page, report = os.path.join(work, name + ".html"), os.path.join(work, name + ".json")
    subprocess.run([nandflow, "view", *files, "-o", page, "--json", report, *extra], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return page, json.load(open(report))


def not_blank(driver, name):
    from PIL import Image
    img = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    colours = img.getcolors(1 << 20) or []
    white = sum(n for n, c in colours if c == (255, 255, 255))
    w, h = img.size
    if len(colours) < 8 or white > 0.98 * w * h:
        fail(f"{name}: the screenshot is blank ({len(colours)} colours)")


options = webdriver.ChromeOptions()
options.binary_location = chromium
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
    options.add_argument(arg)
from selenium.webdriver.chrome.service import Service  # noqa: E402  (Selenium 4.8: no webdriver.ChromeService)
driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver")), options=options)
try:
    q = lambda css: driver.find_elements(By.CSS_SELECTOR, css)
    text = lambda css: driver.find_element(By.CSS_SELECTOR, css).text

    # ---- The full adder -------------------------------------------------------
    page, report = view("full_adder", [f"{src}/rtl/examples/full_adder.v"])
    top = report["modules"][0]
    driver.get("file://" + page)
    gates = len(q("g.node.gate"))
    if gates != 9 or top["nand2"] != 9 or len(q("g.node.gate .nand-body")) != 9:
        fail(f"full adder: the page draws {gates} gates, the report says {top['nand2']}")
    table = {row["in"]: row["out"] for row in top["truth_table"]}
    page_table = {tr.get_attribute("data-in"): tr.get_attribute("data-out") for tr in q("#truth-table tbody tr")}
    if page_table != table or len(table) != 8:
        fail(f"full adder: the page's truth table {page_table} is not nandflow's {table}")
    # a + b + cin: outputs (sum, cout).
    for pattern, outs in table.items():
        a, b, cin = (int(c) for c in pattern)
        if outs != f"{(a + b + cin) & 1}{(a + b + cin) >> 1}":
            fail(f"full adder: nandflow's truth table says {pattern} -> {outs}")
    inputs = ["a", "b", "cin"]
    order = json.loads(driver.execute_script("return JSON.stringify(NF.modules[NF.top].model.inputs)"))
    node_of = {name: f"g#i{i}" for i, name in enumerate(order)}
    current = {n: 0 for n in inputs}
    for pattern in ["000", "100", "110", "111", "011", "001", "101", "010"]:
        want = dict(zip(order, (int(c) for c in pattern)))
        for name in inputs:  # click the input's box in the drawing
            if current[name] != want[name]:
                driver.find_element(By.CSS_SELECTOR, node_of[name]).click()
                current[name] = want[name]
        got = text("#value-sum")[-1] + text("#value-cout")[-1]
        if got != table[pattern]:
            fail(f"full adder: inputs {pattern} show sum,cout = {got}, the truth table says {table[pattern]}")
        lit = len(q("g.edge.v1"))
        if pattern == "111" and lit == 0:
            fail("full adder: no wire drawn as carrying 1 with every input at 1")
    if len(q("#truth-table tr.current")) != 1:
        fail("full adder: the truth table does not mark the current inputs")
    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, "g#g1")).perform()
    tip = text("#tip")
    if not tip.startswith("NAND g1") or tip.count("in: ") != 2:
        fail(f"full adder: hovering gate 1 shows '{tip}'")
    not_blank(driver, "full adder")
    dom = subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + page],
                         capture_output=True, text=True, timeout=120).stdout
    drawn = dom.count('class="nand-body"')
    if drawn != 9:
        fail(f"full adder: chromium --dump-dom shows {drawn} gates drawn, not 9")
    print("ok   full adder: 9 NAND gates drawn; 8 input patterns clicked give nandflow's truth table; --dump-dom")

    # ---- The counter --------------------------------------------------------------
    page, report = view("counter", [f"{src}/rtl/examples/counter.v"])
    driver.get("file://" + page)
    if len(q("g.node.flipflop")) != 8:
        fail(f"counter: {len(q('g.node.flipflop'))} flip-flops drawn, not 8")
    model_inputs = json.loads(driver.execute_script("return JSON.stringify(NF.modules[NF.top].model.inputs)"))
    button = lambda name: driver.find_element(By.ID, f"in-{model_inputs.index(name)}")
    step = driver.find_element(By.ID, "step")
    button("rst").click()
    step.click()
    button("rst").click()
    if text("#value-count") != "= 0":
        fail(f"counter: after reset it shows {text('#value-count')}")
    button("en").click()
    for _ in range(5):
        step.click()
    if text("#value-count") != "= 5":
        fail(f"counter: 5 steps with en = 1 show {text('#value-count')}, not 5")
    button("en").click()
    step.click()
    if text("#value-count") != "= 5" or text("#cycle") != "cycle 7":
        fail(f"counter: a step with en = 0 shows {text('#value-count')} ({text('#cycle')})")
    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, "g#l0")).perform()
    tip = text("#tip")
    if not tip.startswith("flip-flop count[") or "source: " not in tip or "counter.v:" not in tip:
        fail(f"counter: hovering a flip-flop shows '{tip}'")
    not_blank(driver, "counter")
    print("ok   counter: reset, 5 clock steps count to 5, a step with en = 0 holds it")

    # ---- The Hack ALU: the module view ---------------------------------------------
    hack = sorted(os.path.join(src, "rtl/hack", f) for f in os.listdir(os.path.join(src, "rtl/hack")) if f.endswith(".v"))
    page, report = view("alu", hack, "--top", "ALU")
    count_json = os.path.join(work, "count.json")
    subprocess.run([nandflow, "count", *hack, "--top", "ALU", "--json", count_json], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    counts = {}

    def walk(node):
        counts[node["module"]] = node["nand2"]
        for child in node.get("children", []):
            walk(child)
    walk(json.load(open(count_json)))
    driver.get("file://" + page)
    blocks = q("g.node.block")
    if len(blocks) != 15:
        fail(f"ALU: the module view shows {len(blocks)} instances, not 15")
    for b in blocks:
        label = " ".join(t.text for t in b.find_elements(By.TAG_NAME, "text"))
        words = label.split()  # instance, module, count, "NAND"
        module = words[-3]
        if words[-2:] != [str(counts[module]), "NAND"]:
            fail(f"ALU: box '{label}' does not show nandflow count's {counts[module]} NAND for {module}")
    tree = [a.text for a in q("nav li > a")]
    if tree[0] != "ALU" or "Add16" not in tree:
        fail(f"ALU: the module tree is {tree}")
    not_blank(driver, "ALU module view")
    add = [b for b in blocks if "Add16" in b.text][0]
    add.click()
    if "Add16" not in text("#crumbs") or "139" not in text("#summary"):
        fail(f"ALU: clicking Add16 shows '{text('#crumbs')}' '{text('#summary')}'")
    driver.find_element(By.ID, "tab-gates").click()
    if len(q("g.node.gate")) != counts["Add16"]:
        fail(f"Add16: {len(q('g.node.gate'))} gates drawn, count says {counts['Add16']}")
    driver.find_element(By.CSS_SELECTOR, "nav li > a[data-module='ALU']").click()
    driver.find_element(By.ID, "tab-gates").click()
    if len(q("g.node.gate")) != counts["ALU"]:
        fail(f"ALU: {len(q('g.node.gate'))} gates drawn, count says {counts['ALU']}")
    ports = {p["name"]: p["bits"] for p in json.loads(driver.execute_script(
        "return JSON.stringify(NF.modules[NF.top].model.ports)"))}

    def set_port(name, value):
        for i, bit in enumerate(ports[name]):
            b = driver.find_element(By.ID, f"in-{bit}")
            if int(b.text) != (value >> i) & 1:
                b.click()
    for x, y, f, want in ((5, 3, 1, 8), (5, 3, 0, 1), (1000, 234, 1, 1234)):
        set_port("x", x), set_port("y", y), set_port("f", f)
        if text("#value-out") != f"= {want}":
            fail(f"ALU: x = {x}, y = {y}, f = {f} shows out {text('#value-out')}, not {want}")
    print(f"ok   Hack ALU: 15 instances with nandflow count's NAND counts, Add16 opened ({counts['Add16']} gates), "
          f"the ALU's {counts['ALU']} gates add and AND")

    # ---- The Hack PC: a chip with storage, in its gates view -------------------------
    page, report = view("pc", hack, "--top", "PC")
    driver.get("file://" + page)
    driver.find_element(By.ID, "tab-gates").click()
    ports = {p["name"]: p["bits"] for p in json.loads(driver.execute_script(
        "return JSON.stringify(NF.modules[NF.top].model.ports)"))}
    step = driver.find_element(By.ID, "step")
    set_port("reset", 1), step.click(), set_port("reset", 0)
    set_port("inc", 1)
    for _ in range(3):
        step.click()
    if text("#value-out") != "= 3":
        fail(f"PC: reset, then 3 steps with inc show {text('#value-out')}")
    set_port("in", 1000), set_port("load", 1), step.click()
    if text("#value-out") != "= 1000":
        fail(f"PC: load 1000 shows {text('#value-out')}")
    set_port("load", 0), step.click()
    if text("#value-out") != "= 1001":
        fail(f"PC: then inc shows {text('#value-out')}")
    print("ok   Hack PC: its gates reset, count, load 1000 and count on as the clock is stepped")

    # ---- The other examples: drawn as many gates as the report says, no script errors --
    for example in ("gates", "half_adder", "adder16", "traffic_fsm"):
        page, report = view(example, [f"{src}/rtl/examples/{example}.v"])
        driver.get("file://" + page)
        drawn, want = len(q("g.node.gate")), report["modules"][0]["nand2"]
        if drawn != want:
            fail(f"{example}: {drawn} gates drawn, the report says {want}")
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    if errors:
        fail(f"script errors in the pages: {errors}")
    print("ok   gates, half_adder, adder16, traffic_fsm: every gate drawn; no script errors on any page")

    # ---- chromium's own --screenshot of a page: not blank -----------------------------
    shot = os.path.join(work, "shot.png")
    subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,700",
                    f"--screenshot={shot}", "file://" + os.path.join(work, "full_adder.html")],
                   capture_output=True, timeout=120)
    from PIL import Image
    colours = Image.open(shot).convert("RGB").getcolors(1 << 20) or []
    if len(colours) < 8:
        fail(f"chromium --screenshot of the full adder's page is blank ({len(colours)} colours)")
    print(f"ok   chromium --screenshot of the full adder's page: {len(colours)} colours")

    page, report = view("pc_small", hack, "--top", "PC", "--max-gates", "100")
    driver.get("file://" + page)
    if len(q("g.node.block")) != 5:
        fail(f"PC --max-gates 100: the module view shows {len(q('g.node.block'))} instances, not 5")
    driver.find_element(By.ID, "tab-gates").click()
    msg = text("#message")
    if "more than the 100" not in msg or q("#canvas svg") or report["modules"][0]["drawn"]:
        fail(f"PC --max-gates 100: the Gates tab shows '{msg}'")
    print("ok   --max-gates 100: the PC's gates are not drawn, the page says why; its module view is")
finally:
    driver.quit()
    shutil.rmtree(work, ignore_errors=True)

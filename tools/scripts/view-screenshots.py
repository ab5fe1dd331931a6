#!/usr/bin/python3
"""Regenerates the README's pictures of `nandflow view` from real pages in headless
chromium: the full adder with a = cin = 1, and the Hack ALU's module view.
usage: tools/scripts/view-screenshots.py [BUILD_DIR]   (writes tools/nandflow/view/screenshots/)"""
import os
import shutil
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
nandflow = os.path.join(build, "bin", "nandflow")
out = os.path.join(root, "tools", "nandflow", "view", "screenshots")
work = tempfile.mkdtemp()
hack = sorted(os.path.join(root, "rtl/hack", f) for f in os.listdir(os.path.join(root, "rtl/hack")) if f.endswith(".v"))
pages = {
    "full_adder": [os.path.join(root, "rtl/examples/full_adder.v")],
    "alu": hack + ["--top", "ALU"],
}
options = webdriver.ChromeOptions()
for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,760"):
    options.add_argument(arg)
driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver")), options=options)
try:
    for name, args in pages.items():
        page = os.path.join(work, name + ".html")
        subprocess.run([nandflow, "view", *args, "-o", page], check=True, stderr=subprocess.DEVNULL)
        driver.get("file://" + page)
        if name == "full_adder":  # a = 1, cin = 1: sum 0, carry 1
            inputs = driver.execute_script("return NF.modules[NF.top].model.inputs")
            for x in ("a", "cin"):
                driver.find_element(By.ID, f"in-{inputs.index(x)}").click()
        png = os.path.join(out, name + ".png")
        driver.save_screenshot(png)
        print("wrote", os.path.relpath(png, root))
finally:
    driver.quit()
    shutil.rmtree(work, ignore_errors=True)

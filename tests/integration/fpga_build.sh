#!/usr/bin/env bash
# The FPGA flow builds DESIGN for BOARD (make -C fpga): a bitstream and a summary whose
# figures come from the real tools. ECP5 boards are skipped (77) with a message when no
# ECP5 place and route is installed.
set -uo pipefail
root=$1; build=$2; board=$3; design=$4
# Built in the system's temporary folder on purpose: YoWASP's WebAssembly tools (ECP5)
# see a private /tmp of their own, and the flow must still find its files there.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$(make --no-print-directory -C "$root/fpga" BOARD="$board" DESIGN="$design" BUILD="$build" OUT="$work/out" 2>&1)
rc=$?
echo "$out" | tail -4
if grep -q "^SKIPPED" <<<"$out"; then exit 77; fi
[ "$rc" = 0 ] || { echo "FAIL: make fpga exited $rc"; echo "$out" | tail -30; exit 1; }
python3 - "$work/out/summary.json" <<'PY' || exit 1
import json, os, sys
s = json.load(open(sys.argv[1]))
assert s["logic_cells"] > 100 and s["luts"] > 100 and s["flip_flops"] >= 47, s  # the Hack CPU alone has 47
assert s["block_ram"] >= 2, s                  # program and data memory
assert s["fmax_mhz"] > 0 and s["target_mhz"] > 0, s
assert os.path.getsize(s["bitstream"]) == s["bitstream_bytes"] > 1000, s
nand = os.path.join(os.path.dirname(sys.argv[1]), "cpu_nand.json")
if os.path.exists(nand):  # the NAND-gate CPU: every NAND is a LUT of its own
    n = json.load(open(nand))["nand2"]
    assert s["luts"] >= n > 500, (s["luts"], n)
    print(f"ok   {n} NAND gates of the CPU, {s['luts']} LUTs in all")
    if s["board"] in ("icebreaker", "upduino3"):  # the UP5K runs it from the clock divided by 4
        assert s["target_mhz"] == 3, s
        print("ok   clocked at 12 / 4 = 3 MHz")
if s["board"] == "upduino3":  # the clock from the internal oscillator, the LEDs through the RGB driver
    netlist = os.path.join(os.path.dirname(sys.argv[1]), s["design"] + ".json")
    cells = {c["type"] for m in json.load(open(netlist))["modules"].values() for c in m.get("cells", {}).values()}
    assert {"SB_HFOSC", "SB_RGBA_DRV"} <= cells, cells
    print("ok   SB_HFOSC clock and SB_RGBA_DRV LEDs")
print("ok   summary:", {k: s[k] for k in ("logic_cells", "luts", "flip_flops", "block_ram", "fmax_mhz", "timing")})
PY
# Checked after packing (iCE40 boards with the board's oscillator): icebox_vlog turns the
# bitstream back into Verilog, and Icarus runs it with Yosys's cell models.
cells=$(dirname "$(readlink -f "$(command -v yosys)")")/../share/yosys/ice40/cells_sim.v  # Yosys's cell models
postpack() {  # postpack TESTBENCH MODULE [ASC]: the bitstream as Verilog module MODULE, compiled with TESTBENCH
  icebox_vlog -p "$root/fpga/boards/$board.pcf" -n "$2" -s -c "${3:-$work/out/$design.asc}" >"$work/pb.v"
  iverilog -g2012 -DNO_ICE40_DEFAULT_ASSIGNMENTS -o "$work/pb.vvp" "$1" "$root/tests/soc/uart_sink.v" \
    "$work/pb.v" "$cells" 2>"$work/iverilog.log" ||
    { cat "$work/iverilog.log"; exit 1; }
}
if [ -f "$work/out/$design.asc" ] && [ "$board" != upduino3 ] && [ "$design" = diffattn ]; then
  # The accelerator SoC answers one diffattn-host request (a head of N = d = dv = 2) with
  # the model's result. icebox_vlog does not translate the UP5K's DSP tiles (SB_MAC16), so
  # only a bitstream without them (the HX8K's, multipliers in LUTs) can be checked this way.
  if grep -q '"type": "SB_MAC16"' "$work/out/$design.json"; then
    echo "SKIP post-packing check on $board: icebox_vlog does not turn DSP tiles (SB_MAC16) back into Verilog"
  else
    request=("$build/bin/diffattn-host" --script "$work/request.txt" --n 2 --d 2 --dv 2 --seed 7)
    "${request[@]}"
    postpack "$root/tests/soc/diffattn_pb_tb.v" diffattn_pb
    vvp -n "$work/pb.vvp" +script="$work/request.txt" +replies="$work/replies.txt"
    "${request[@]}" --replies "$work/replies.txt" ||
      { echo "FAIL: the bitstream's answer differs from the model"; exit 1; }
    echo "ok   the packed bitstream, simulated, answers a diffattn-host request bit-exact"
  fi
elif [ -f "$work/out/$design.asc" ] && [ "$board" != upduino3 ]; then
  # The Hack SoC's program (Hello.asm) must print on the UART what the RTL prints (test soc.hello).
  prints() {  # prints PATTERN: what the simulated bitstream sends on its UART matches PATTERN
    printed=$(vvp -n "$work/pb.vvp" | tr -d '\r')
    echo "bitstream netlist printed: $printed"
    grep -q "$1" <<<"$printed" || { echo "FAIL: the bitstream does not print what the RTL does"; exit 1; }
  }
  postpack "$root/tests/soc/postpack_tb.v" hack_pb
  prints "Hello, Hack!"
  echo "ok   the packed bitstream, simulated, prints Hello, Hack!"
  if [ "$design" = hack ]; then
    # SelfTest.asm: words read back right after they are written, A loaded from the ALU and
    # M read at once, with the block RAM's own model (the SoC passes on a word written and
    # read at the same edge; Yosys was told the block RAM's answer then does not matter).
    make --no-print-directory -C "$root/fpga" BOARD="$board" DESIGN=hack BUILD="$build" OUT="$work/selftest" \
      PROGRAM="$root/rtl/soc/programs/SelfTest.asm" bitstream >"$work/selftest.log" 2>&1 ||
      { tail -20 "$work/selftest.log"; echo "FAIL: SelfTest.asm did not build"; exit 1; }
    postpack "$root/tests/soc/postpack_tb.v" hack_pb "$work/selftest/hack.asc"
    prints "^1111100110101000$"
    echo "ok   the packed SelfTest bitstream, simulated, prints 123 x 45 read back"
  fi
fi
if [ "$design" = diffattn ] && grep -q "^ulx3s" <<<"$board"; then
  # A PLL tool that writes nothing is named as such (not "the PLL ... gives  MHz").
  if make --no-print-directory -C "$root/fpga" BOARD="$board" DESIGN="$design" BUILD="$build" OUT="$work/nopll" \
       ECPPLL=true >"$work/nopll.log" 2>&1; then echo "FAIL: built without a PLL file"; exit 1; fi
  grep -q "true wrote nothing to .*pll.v" "$work/nopll.log" || { echo "FAIL: no message"; cat "$work/nopll.log"; exit 1; }
  echo "ok   a PLL tool that writes nothing is reported as such"
fi
[ "$design" != diffattn ] || exit 0  # the bad-program check below is the Hack SoC's
# A stage that fails leaves nothing stale behind: a program that does not assemble.
printf '@1\nD=Q\n' >"$work/bad.asm"
if make --no-print-directory -C "$root/fpga" BOARD="$board" DESIGN="$design" BUILD="$build" OUT="$work/bad" \
     PROGRAM="$work/bad.asm" >"$work/bad.log" 2>&1; then echo "FAIL: a bad program built"; exit 1; fi
grep -q "bad.asm:2: unknown computation 'Q'" "$work/bad.log" || { echo "FAIL: no assembler message"; cat "$work/bad.log"; exit 1; }
# (Prerequisites that do not depend on the program, like the NAND CPU netlist, may stay.)
for f in program.hack "$design.json" "$design.asc" "$design.config" "$design.bin" "$design.bit" summary.json; do
  [ ! -e "$work/bad/$f" ] || { echo "FAIL: stale output $f"; exit 1; }
done
echo "ok   a bad program stops the build and leaves no output"

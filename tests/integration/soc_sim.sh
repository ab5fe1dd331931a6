#!/usr/bin/env bash
# The Hack SoC's RTL (rtl/soc, built with the FPGA's adder as on a board) runs Hello.asm
# and prints "Hello, Hack!" on its UART, decoded by tests/soc/hack_soc_tb.v (Icarus).
set -euo pipefail
root=$1; hackasm=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$hackasm" "$root/rtl/soc/programs/Hello.asm" -o "$work/Hello.hack"
for fpga in "" "-DHACK_FPGA"; do
  iverilog -g2012 $fpga -DHACK_PROGRAM="\"$work/Hello.hack\"" -o "$work/tb.vvp" "$root/tests/soc/hack_soc_tb.v" \
    "$root"/rtl/soc/*.v "$root"/rtl/hack/*.v 2>"$work/iverilog.log" || { cat "$work/iverilog.log"; exit 1; }
  out=$(vvp -n "$work/tb.vvp" +chars=13 +cycles=40000)
  echo "$out"
  grep -q "^Hello, Hack!$" <<<"$out" || { echo "FAIL: UART printed something else (${fpga:-gate-level adder})"; exit 1; }
done
echo "ok   Hello.asm on the SoC RTL prints 'Hello, Hack!' (both adders)"

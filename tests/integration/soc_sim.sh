#!/usr/bin/env bash
# The Hack SoC's RTL (rtl/soc, with rtl/hack/CPU.v and, as FPGA builds have it, HackCore) runs Hello.asm
# and prints "Hello, Hack!" on its UART, decoded by tests/soc/hack_soc_tb.v (Icarus), and
# SelfTest.asm, which prints 123 * 45 as read back right after each write.
set -euo pipefail
root=$1; hackasm=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() {  # run PROGRAM CHARS EXPECTED
  "$hackasm" "$root/rtl/soc/programs/$1.asm" -o "$work/$1.hack"
  for fpga in "" "-DHACK_FPGA"; do
    iverilog -g2012 $fpga -DHACK_PROGRAM="\"$work/$1.hack\"" -o "$work/tb.vvp" "$root/tests/soc/hack_soc_tb.v" \
      "$root"/rtl/soc/{uart_tx,HackSoC,HackCore,hack_top}.v "$root"/rtl/hack/*.v 2>"$work/iverilog.log" || { cat "$work/iverilog.log"; exit 1; }
    out=$(vvp -n "$work/tb.vvp" +chars=$2 +cycles=60000)
    echo "$out"
    grep -qx "$3" <<<"$out" || { echo "FAIL: $1 printed something else (${fpga:-rtl/hack/CPU.v})"; exit 1; }
  done
  echo "ok   $1.asm on the SoC RTL prints '$3' (both CPUs)"
}
run Hello 13 "Hello, Hack!"
run SelfTest 17 "1111100110101000"

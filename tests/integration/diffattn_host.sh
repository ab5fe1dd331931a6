#!/usr/bin/env bash
# diffattn-host against the Verilated accelerator SoC (diffattn-soc-sim) through a
# pseudo-terminal, the same code that drives a board's serial port: random heads, the
# causal mask and a negative lambda, each bit-exact against the model; and its errors.
set -uo pipefail
host=$1; sim=$2
work=$(mktemp -d)
# --hold-ms: the host's first request is written before the simulation's first clock (it
# once lost its first bytes that way, to the SoC's power-on reset, on a loaded machine).
"$sim" --link "$work/tty" --seconds 600 --hold-ms 300 >"$work/sim.log" 2>&1 &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null; wait $sim_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -e "$work/tty" ] && break; sleep 0.1; done
[ -e "$work/tty" ] || { echo "FAIL: diffattn-soc-sim did not start"; cat "$work/sim.log"; exit 1; }
fail() { echo "FAIL: $*"; exit 1; }

"$host" --port "$work/tty" --cases 12 --seed 3 | tee "$work/random.log"; [ "${PIPESTATUS[0]}" = 0 ] || fail "random heads"
# The SoC is the iCEBreaker's build, and the host reads how it was built from it.
grep -q "NMAX 128, DMAX 16, DVMAX 16, 6 narrow DOT lanes and 4 OUT lanes" "$work/random.log" || fail "the layout line: $(head -1 "$work/random.log")"
"$host" --port "$work/tty" --cases 2 --seed 4 --causal --n 128 --d 16 --dv 16 || fail "causal heads of the largest size"
"$host" --port "$work/tty" --cases 2 --seed 5 --lambda -0.5 || fail "negative lambda"
"$host" --port "$work/tty" --cases 1 --n 129 >"$work/big.log" 2>&1 && fail "a head larger than NMAX ran"
grep -q "does not fit the accelerator (NMAX 128" "$work/big.log" || fail "no message for a head too large: $(cat "$work/big.log")"
echo "ok   a head larger than the accelerator: $(cat "$work/big.log")"

# Errors: a port that does not exist, a file that is not a terminal, bad options, bad replies.
"$host" --port "$work/none" >"$work/e1.log" 2>&1; [ $? = 2 ] || fail "a missing port did not exit 2"
grep -q "$work/none: No such file or directory" "$work/e1.log" || fail "message: $(cat "$work/e1.log")"
echo plain >"$work/file"
"$host" --port "$work/file" >"$work/e2.log" 2>&1; [ $? = 2 ] || fail "a plain file did not exit 2"
grep -q "not a serial port" "$work/e2.log" || fail "message: $(cat "$work/e2.log")"
"$host" --port "$work/tty" --cases x >"$work/e3.log" 2>&1; [ $? = 2 ] || fail "a bad count did not exit 2"
grep -q "'x' is not a count" "$work/e3.log" || fail "message: $(cat "$work/e3.log")"
"$host" --script "$work/req.txt" --n 2 --d 2 --dv 2 >/dev/null || fail "--script"
printf '6b\nzz\n' >"$work/bad_replies.txt"
"$host" --script "$work/req.txt" --replies "$work/bad_replies.txt" --n 2 --d 2 --dv 2 >"$work/e4.log" 2>&1
[ $? = 2 ] || fail "bad replies did not exit 2"
grep -q "bad_replies.txt: 'zz' is not a byte in hex" "$work/e4.log" || fail "message: $(cat "$work/e4.log")"
"$host" --help | grep -q "usage: diffattn-host" || fail "--help"
echo "ok   errors: $(cat "$work/e1.log" "$work/e2.log" | tr '\n' ' ')"

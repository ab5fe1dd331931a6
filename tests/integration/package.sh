#!/usr/bin/env bash
# make package: CPack's .deb holds the commands, man pages, completion and data under /usr,
# and depends on the Debian packages the tools call (yosys, berkeley-abc, verilator, g++,
# iverilog, graphviz) and the libraries they link. It is installed with dpkg into a scratch
# root (its own dpkg database): the commands run from there and `man nandflow` shows the page.
#   package.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
root=$(cd "$1" && pwd); build=$(cd "$2" && pwd)
work=$(mktemp -d /tmp/nandflow-package.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# A CPack configuration of its own, so that the package is built in the scratch folder.
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) \
  || { tail -20 "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/out/nandflow_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb written"
depends=$(dpkg-deb -f "$deb" Depends)
for d in yosys berkeley-abc verilator g++ iverilog graphviz libc6 libstdc++6; do
  sed 's/, /\n/g' <<<"$depends" | cut -d' ' -f1 | grep -qxF -- "$d" || fail "Depends lacks $d: $depends"
done
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/nandflow ./usr/bin/hacksim ./usr/bin/diffattn-demo ./usr/share/man/man1/nandflow.1 \
         ./usr/share/bash-completion/completions/nandflow ./usr/share/nandflow/diffattn/tables/exp2.hex; do
  grep -qxF "$f" <<<"$files" || fail "the package lacks $f"
done
echo "ok   $(basename "$deb"): $(grep -c '^./usr/bin/.' <<<"$files") commands, Depends: $depends"
scratch=$work/root
mkdir -p "$scratch/var/lib/dpkg/info" "$scratch/var/lib/dpkg/updates"
touch "$scratch/var/lib/dpkg/status"
dpkg --root="$scratch" --force-depends --force-not-root --log=/dev/null -i "$deb" >"$work/dpkg.log" 2>&1 \
  || { cat "$work/dpkg.log"; fail "dpkg -i into a scratch root"; }
dpkg --root="$scratch" -s nandflow 2>/dev/null | grep -q '^Status: install ok installed' || fail "dpkg does not list nandflow"
cp "$root/rtl/examples/half_adder.v" "$work/"
# The checkout hidden when a mount namespace is possible (root), as on a machine without one.
hide=""
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then hide="unshare -m"; fi
$hide bash -s "$root" "$build" "$scratch" "$work" "${hide:+hide}" <<'INNER' || exit 1
set -uo pipefail
root=$1; build=$2; scratch=$3; work=$4; hide=${5:-}
fail() { echo "FAIL (installed package): $*"; exit 1; }
if [ -n "$hide" ]; then
  mount -t tmpfs none "$root" || fail "cannot hide $root"
  case "$build" in "$root"/*) ;; *) mount -t tmpfs none "$build" ;; esac
fi
cd "$work"
"$scratch/usr/bin/nandflow" synth half_adder.v --verify | grep -q '^PROVEN' || fail "nandflow synth --verify"
"$scratch/usr/bin/diffattn-demo" -o demo.svg >/dev/null || fail "diffattn-demo"
MANPATH="$scratch/usr/share/man" man nandflow 2>/dev/null | grep -q "Verilog to 2-input NAND netlists" || fail "man nandflow"
INNER
echo "ok   dpkg -i into a scratch root: nandflow synth --verify, diffattn-demo, man nandflow${hide:+ (checkout hidden)}"

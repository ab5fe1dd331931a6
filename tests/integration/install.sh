#!/usr/bin/env bash
# make install, relocated: the install rules stage everything under a temporary DESTDIR with
# PREFIX /opt/nandflow; then, in a mount namespace where the checkout (source and build) is
# an empty folder, the installed commands work: synth --verify, hackasm, hacksim --screen,
# hacktst, diffattn-demo; man shows the pages; bash completion offers a command's options.
# Without root (no mount namespace) the relocated part is skipped with a message (77).
#   install.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
root=$(cd "$1" && pwd); build=$(cd "$2" && pwd)
stage=$(mktemp -d /tmp/nandflow-install.XXXXXX); work=$(mktemp -d /tmp/nandflow-relocated.XXXXXX)
trap 'rm -rf "$stage" "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
DESTDIR=$stage cmake --install "$build" --prefix /opt/nandflow --strip >/dev/null || fail "cmake --install"
p=$stage/opt/nandflow
for c in nandflow hackasm hacksim hacktst diffattn-model diffattn-tb diffattn-demo diffattn-sc diffattn-host; do
  [ -x "$p/bin/$c" ] || fail "bin/$c not installed"
  [ -s "$p/share/man/man1/$c.1" ] || fail "no man page for $c"
  [ -s "$p/share/bash-completion/completions/$c" ] || fail "no completion for $c"
  SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1 "$p/bin/$c" --version | grep -q "^$c (nandflow) [0-9]" || fail "$c --version"
done
for f in diffattn/tables/exp2.hex diffattn/tables/rsqrt.hex hack/programs/Golden.asm cells/nf_cells.v; do
  [ -s "$p/share/nandflow/$f" ] || fail "share/nandflow/$f not installed"
done
[ -s "$p/share/man/man1/nandflow-synth.1" ] || fail "no man page for nandflow synth"
# Nothing installed but the binaries may name the checkout (they are checked by running them).
if grep -rlI -- "$root" "$p" >/dev/null; then fail "installed text files refer to $root: $(grep -rlI -- "$root" "$p")"; fi
echo "ok   installed under DESTDIR/opt/nandflow: 9 commands with --version, man pages, completion, data"

cp "$root/rtl/examples/full_adder.v" "$root/tests/hack/tst/Mux4Way16.tst" "$root/tests/hack/tst/Mux4Way16.cmp" "$work/"
if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
  echo "SKIPPED: hiding the checkout needs a mount namespace (root); the relocated run was not done"; exit 77
fi
unshare -m bash -s "$root" "$build" "$p" "$work" <<'INNER' || exit 1
set -uo pipefail
root=$1; build=$2; p=$3; work=$4
fail() { echo "FAIL (relocated): $*"; exit 1; }
mount -t tmpfs none "$root" || fail "cannot hide $root"
case "$build" in "$root"/*) ;; *) mount -t tmpfs none "$build" || fail "cannot hide $build" ;; esac
[ -e "$root/README.md" ] && fail "the checkout is still visible"
export PATH="$p/bin:$PATH"
cd "$work"
nandflow synth full_adder.v -o fa.v --verify | grep -q '^PROVEN' || fail "nandflow synth --verify"
[ "$(grep -c '^ *nand ' fa.v)" = 9 ] || fail "the full adder is not 9 NAND gates"
hackasm "$p/share/nandflow/hack/programs/Max.asm" -o max.hack || fail hackasm
[ -s max.hack ] || fail "hackasm wrote nothing"
hacksim max.hack --poke 0=3 --poke 1=8 --cycles 100 --ram 2 | grep -q 'RAM\[2\] = 8' || fail "hacksim Max"
hacksim "$p/share/nandflow/hack/programs/Rect.asm" --poke 0=10 --cycles 2000 --screen rect.png >/dev/null || fail "hacksim --screen"
[ -s rect.png ] || fail "no screen PNG"
hacktst Mux4Way16.tst >/dev/null || fail "hacktst Mux4Way16.tst"
diffattn-demo -o demo.svg >/dev/null || fail "diffattn-demo (its tables from share/nandflow)"
grep -q 'class="panel"' demo.svg || fail "diffattn-demo wrote no figure"
MANPATH="$p/share/man" man nandflow 2>/dev/null | grep -q "Verilog to 2-input NAND netlists" || fail "man nandflow"
MANPATH="$p/share/man" man nandflow-view 2>/dev/null | grep -q "max-gates" || fail "man nandflow-view"
reply=$(bash -c 'source "$1/share/bash-completion/completions/nandflow"; COMP_WORDS=(nandflow synth --veri); COMP_CWORD=2;
                 _nandflow_complete; echo "${COMPREPLY[*]}"' _ "$p")
[ "$reply" = "--verify" ] || fail "completion of 'nandflow synth --veri' gave '$reply'"
reply=$(bash -c 'source "$1/share/bash-completion/completions/nandflow"; COMP_WORDS=(nandflow vi); COMP_CWORD=1;
                 _nandflow_complete; echo "${COMPREPLY[*]}"' _ "$p")
[ "$reply" = "view" ] || fail "completion of 'nandflow vi' gave '$reply'"
echo "ok   with the checkout hidden: synth --verify (9 NANDs), hackasm, hacksim (Max, --screen), hacktst, diffattn-demo, man, completion"
INNER

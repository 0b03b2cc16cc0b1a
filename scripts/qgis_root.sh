#!/usr/bin/env bash
# Run the plugin's tests in Debian roots made with debootstrap, so other QGIS
# versions and a pristine machine need nothing but the Debian registry.
#
#   scripts/qgis_root.sh test 3.40    the suite in a Debian 13 (trixie) root: QGIS 3.40 LTR
#   scripts/qgis_root.sh test 3.44    the suite in a Debian unstable (sid) root: QGIS 3.44
#   scripts/qgis_root.sh fresh        pristine Debian 12 root, fresh `git clone` of the committed
#                                     checkout, then the README's `make demo` and `make test`
#   scripts/qgis_root.sh build 3.40   only make (or complete) the cached root
#   scripts/qgis_root.sh shell 3.40   a shell inside the root (for debugging)
#
# Roots are cached in build/roots/<suite> (ignored by git; BILDUNGSLANDSCHAFT_ROOTS overrides)
# and rebuilt when missing or incomplete: each stage writes its stamp file only after it
# succeeded. `test` copies the working tree (tracked and untracked, not ignored files) into
# the root; `fresh` clones only what is committed. Every mount is undone on exit (trap).
# Needs root (debootstrap, chroot, mount). The Debian mirror is the one this machine's apt
# uses (DEBIAN_MIRROR overrides).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
ROOTS=${BILDUNGSLANDSCHAFT_ROOTS:-$REPO/build/roots}
# Packages a user has before following the README (git to clone, make to run it).
USER_PREREQUISITES="git make"

die() { echo "qgis_root: $*" >&2; exit 1; }
log() { echo "[qgis_root $(date +%H:%M:%S)] $*" >&2; }

suite_for() {
  case "$1" in
    3.22|bookworm) echo bookworm ;;
    3.40|trixie) echo trixie ;;
    3.44|sid) echo sid ;;
    *) die "unknown QGIS version '$1' (known: 3.22 = Debian 12, 3.40 = Debian 13, 3.44 = Debian unstable)" ;;
  esac
}

debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
        | grep -E '^[[:space:]]*(URIs:|deb )' | grep -oE '(https?|ftp)://[^ ]*/debian/?( |$)' | tr -d ' ' \
        | grep -v -- '-security' | head -n1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mount)"

# --- mounts (always undone) --------------------------------------------------------------
MOUNTED=()
cleanup() {
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTED[$i]}" 2>/dev/null || umount -l "${MOUNTED[$i]}" 2>/dev/null \
      || echo "qgis_root: could not unmount ${MOUNTED[$i]}" >&2
  done
  MOUNTED=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mount_root() {
  local r=$1
  mkdir -p "$r/proc" "$r/dev" "$r/dev/pts"
  mount -t proc proc "$r/proc" && MOUNTED+=("$r/proc")
  mount --bind /dev "$r/dev" && MOUNTED+=("$r/dev")
  mount --bind /dev/pts "$r/dev/pts" && MOUNTED+=("$r/dev/pts")
  mkdir -p "$r/dev/shm"
  mount -t tmpfs -o mode=1777 shm "$r/dev/shm" && MOUNTED+=("$r/dev/shm")
}

# The machine's CA bundle, kept apart from Debian's: installing ca-certificates inside the
# root rewrites /etc/ssl/certs/ca-certificates.crt, so pip is pointed at this copy.
CA_DIR=/etc/bildungslandschaft-ca
copy_network_config() {
  local r=$1
  cp -L /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
  cp -L /etc/hosts "$r/etc/hosts" 2>/dev/null || true
  mkdir -p "$r$CA_DIR"
  : > "$r$CA_DIR/ca-bundle.crt"
  [ -f /etc/ssl/certs/ca-certificates.crt ] && cat /etc/ssl/certs/ca-certificates.crt >> "$r$CA_DIR/ca-bundle.crt"
  local extra
  for extra in /usr/local/share/ca-certificates/*; do
    [ -f "$extra" ] && { cat "$extra"; echo; } >> "$r$CA_DIR/ca-bundle.crt"
  done
  printf '[global]\ncert = %s/ca-bundle.crt\n' "$CA_DIR" > "$r/etc/pip.conf"
  # A mirror that is a frozen snapshot serves unstable's Release file after its Valid-Until.
  mkdir -p "$r/etc/apt/apt.conf.d"
  echo 'Acquire::Check-Valid-Until "false";' > "$r/etc/apt/apt.conf.d/99bildungslandschaft-snapshot"
}

in_root() {  # in_root ROOT COMMAND...: run a bash command line inside the root, clean environment
  local r=$1; shift
  local envs=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb
              DEBIAN_FRONTEND=noninteractive PIP_CERT=$CA_DIR/ca-bundle.crt NODE_EXTRA_CA_CERTS=$CA_DIR/ca-bundle.crt npm_config_cafile=$CA_DIR/ca-bundle.crt
              PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_DEFAULT_TIMEOUT=180)
  local v
  for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
    [ -n "${!v:-}" ] && envs+=("$v=${!v}")
  done
  env -i "${envs[@]}" chroot "$r" /bin/bash -c "$*"
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && return
  log "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
}

# Stage 1: minimal Debian (stamp .bl-debootstrap-ok).
ensure_base() {
  local suite=$1 r=$2
  if [ -f "$r/.bl-debootstrap-ok" ]; then return; fi
  ensure_debootstrap
  local mirror
  mirror=$(debian_mirror)
  log "debootstrap $suite from $mirror into $r (about a minute)"
  rm -rf "$r"
  mkdir -p "$(dirname "$r")"
  debootstrap --variant=minbase "$suite" "$r" "$mirror" > "$r.debootstrap.log" 2>&1 \
    || { tail -n 20 "$r.debootstrap.log" >&2; die "debootstrap $suite failed (log: $r.debootstrap.log)"; }
  rm -f "$r/var/cache/apt/archives/"*.deb
  date -u +%FT%TZ > "$r/.bl-debootstrap-ok"
}

copy_worktree() {  # the working tree (tracked + untracked, not ignored) to ROOT/work/bildungslandschaft
  local r=$1 dest=$1/work/bildungslandschaft
  mkdir -p "$r/work"
  rm -rf "$dest.new"
  mkdir -p "$dest.new"
  (cd "$REPO" && git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
     [ -e "$f" ] && printf '%s\0' "$f"; done | tar --null -T - -cf -) | tar -xf - -C "$dest.new"
  # keep the venv between runs (same path inside the root; setup.sh reinstalls when requirements change)
  [ -d "$dest/.venv" ] && mv "$dest/.venv" "$dest.new/.venv"
  rm -rf "$dest"
  mv "$dest.new" "$dest"
}

# Stage 2: the Debian packages scripts/setup.sh asks for (stamp .bl-packages-ok).
ensure_packages() {
  local r=$1
  if [ -f "$r/.bl-packages-ok" ] && cmp -s "$REPO/scripts/setup.sh" "$r/.bl-packages-ok"; then return; fi
  log "installing QGIS and the test dependencies into $r (a few minutes)"
  in_root "$r" "apt-get update -qq && apt-get install -y -qq --no-install-recommends $USER_PREREQUISITES >/dev/null \
    && cd /work/bildungslandschaft && bash scripts/setup.sh --debian-only && apt-get clean" \
    || die "installing packages into $r failed (for Debian unstable this can be a transient archive state; retry later)"
  cp "$REPO/scripts/setup.sh" "$r/.bl-packages-ok"
}

qgis_version_in() {
  in_root "$1" "python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)'" 2>/dev/null || echo "?"
}

cmd_build() {
  local suite r
  suite=$(suite_for "$1"); r="$ROOTS/$suite"
  mkdir -p "$ROOTS"
  exec 9>"$ROOTS/.$suite.lock"; flock 9
  ensure_base "$suite" "$r"
  copy_network_config "$r"
  mount_root "$r"
  copy_worktree "$r"
  ensure_packages "$r"
  log "root $r ready: QGIS $(qgis_version_in "$r")"
}

cmd_test() {
  local want=$1; shift
  local suite r start
  suite=$(suite_for "$want"); r="$ROOTS/$suite"
  start=$(date +%s)
  cmd_build "$want"
  log "suite in $suite (QGIS $(qgis_version_in "$r")): make test $*"
  local rc=0
  in_root "$r" "cd /work/bildungslandschaft && make test ${*:+PYTEST_ARGS='$*'}" || rc=$?
  log "QGIS $want ($suite): make test exit $rc after $(( $(date +%s) - start )) s"
  return $rc
}

cmd_shell() {
  local suite r
  suite=$(suite_for "$1"); r="$ROOTS/$suite"
  cmd_build "$1"
  in_root "$r" "cd /work/bildungslandschaft && exec bash -i" </dev/tty
}

cmd_fresh() {
  local pristine="$ROOTS/bookworm-pristine" run="$ROOTS/fresh-run" start rc=0
  start=$(date +%s)
  mkdir -p "$ROOTS"
  exec 9>"$ROOTS/.fresh.lock"; flock 9
  ensure_base bookworm "$pristine"
  log "copying the pristine Debian 12 root to $run"
  rm -rf "$run"
  cp -a "$pristine" "$run"
  copy_network_config "$run"
  mount_root "$run"
  # Only what is committed: a bundle of HEAD, cloned inside like a new user would.
  git -C "$REPO" bundle create "$run/tmp/bildungslandschaft.bundle" HEAD >/dev/null 2>&1
  local head
  head=$(git -C "$REPO" rev-parse --short HEAD)
  log "fresh clone of $head; then the README's commands: make demo, make test"
  in_root "$run" "set -e
    apt-get update -qq && apt-get install -y -qq --no-install-recommends $USER_PREREQUISITES >/dev/null
    git -c advice.detachedHead=false clone -q /tmp/bildungslandschaft.bundle /root/bildungslandschaft
    cd /root/bildungslandschaft
    t0=\$(date +%s); make demo; echo \"[fresh] make demo: \$(( \$(date +%s) - t0 )) s\"
    t0=\$(date +%s); make test; echo \"[fresh] make test: \$(( \$(date +%s) - t0 )) s\"" || rc=$?
  log "fresh Debian 12 ($head): exit $rc after $(( $(date +%s) - start )) s"
  return $rc
}

main() {
  case "${1:-}" in
    test) [ $# -ge 2 ] || die "usage: $0 test 3.40|3.44 [pytest args]"; shift; cmd_test "$@" ;;
    build) [ $# -eq 2 ] || die "usage: $0 build 3.40|3.44|3.22"; cmd_build "$2" ;;
    shell) [ $# -eq 2 ] || die "usage: $0 shell 3.40|3.44"; cmd_shell "$2" ;;
    fresh) cmd_fresh ;;
    *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
}

# One line, read whole before it runs: editing this file during a run cannot derail it.
main "$@"; exit $?

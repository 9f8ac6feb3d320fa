#!/usr/bin/env bash
# Corpus conformance check: BytecodeLint's `inspect` must agree with PeerScan (the Java + ASM peer in
# ../shared/bench) on every inventory field, for every corpus input and for the total.
#
# Usage: scripts/conformance.sh [--no-install] [INPUT...]
#   1. installs the corpus with ../shared/corpus/install.sh (idempotent; needs root for apt-get) into
#      ${BYTECODELINT_CORPUS:-/var/tmp/bytecodelint-corpus}; --no-install skips this step;
#   2. runs PeerScan (../shared/bench/run.sh) on INPUT..., by default every line of $CORPUS/inputs.txt;
#   3. builds src/BytecodeLint.Cli (Release) and runs `bytecodelint inspect --format json` once on the
#      same inputs;
#   4. compares field by field with scripts/conformance_compare.py: one OK/MISMATCH line per input,
#      then TOTAL, then "conformance: N passed, M failed".
# Exit status: 0 all agree, 1 any mismatch, 2 a tool failed or its output was unreadable.
# Wall-clock seconds of both tools go to stderr (the build is not timed). Set KEEP_CONFORMANCE_OUTPUT=DIR
# to keep both raw outputs in DIR. BL_BUILD_SLOT is honoured like in every other build.
# BYTECODELINT_CLI=PATH runs that executable instead of building (e.g. a published or AOT binary).
# Expects ../shared beside the repository (as in CI, which runs this in a fresh clone).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$REPO/../shared"
CORPUS="${BYTECODELINT_CORPUS:-/var/tmp/bytecodelint-corpus}"

log() { printf '[conformance] %s\n' "$*" >&2; }
die() { log "$*"; exit 2; }

install=1
if [[ "${1:-}" == "--no-install" ]]; then install=0; shift; fi
[[ "${1:-}" == -* ]] && die "unknown option $1 (usage: scripts/conformance.sh [--no-install] [INPUT...])"
[[ -d "$SHARED" ]] || die "$SHARED not found: ../shared must sit beside the repository"

if (( install )); then
    log "installing corpus into $CORPUS"
    bash "$SHARED/corpus/install.sh" "$CORPUS" || die "corpus install failed"
fi

if (( $# > 0 )); then
    inputs=("$@")
else
    [[ -s "$CORPUS/inputs.txt" ]] || die "$CORPUS/inputs.txt missing: run without --no-install first"
    mapfile -t inputs < <(grep -v '^[[:space:]]*$' "$CORPUS/inputs.txt")
fi
log "${#inputs[@]} inputs"

work="$(mktemp -d "${TMPDIR:-/tmp}/bytecodelint-conformance.XXXXXX")"
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# With no inputs PeerScan only compiles itself (first use) and prints an empty table: keeps javac out
# of its timing.
"$SHARED/bench/run.sh" > /dev/null 2> "$work/peer.err" || { cat "$work/peer.err" >&2; die "PeerScan does not build"; }
t0=$(now)
if ! "$SHARED/bench/run.sh" "${inputs[@]}" > "$work/peer.tsv" 2> "$work/peer.err"; then
    tail -n 20 "$work/peer.err" >&2
    die "PeerScan failed"
fi
peer_seconds=$(seconds "$t0" "$(now)")

if [[ -n "${BYTECODELINT_CLI:-}" ]]; then
    ours=("$BYTECODELINT_CLI")
else
    log "building src/BytecodeLint.Cli (Release)"
    cli="$REPO/src/BytecodeLint.Cli"
    dotnet build "$cli" -c Release --nologo -v quiet > "$work/build.log" 2>&1 \
        || { grep -E 'error|Error' "$work/build.log" | awk '!seen[$0]++' | head -n 30 >&2; die "build of $cli failed"; }
    dll="$(dotnet msbuild "$cli" -nologo -p:Configuration=Release -getProperty:TargetPath)"
    [[ -f "$dll" ]] || die "build did not produce the CLI ($dll)"
    ours=(dotnet "$dll")
fi

t0=$(now)
set +e
"${ours[@]}" inspect --format json "${inputs[@]}" > "$work/ours.json" 2> "$work/ours.err"
ours_rc=$?
set -e
ours_seconds=$(seconds "$t0" "$(now)")
# Exit 1 means findings at/above --fail-on, which does not make the inventory wrong; 2+ is a failure.
if (( ours_rc >= 2 )); then
    tail -n 20 "$work/ours.err" >&2
    head -c 2000 "$work/ours.json" >&2
    die "bytecodelint inspect exited with $ours_rc"
fi

log "timing (wall): peerscan ${peer_seconds} s, bytecodelint ${ours_seconds} s, ${#inputs[@]} inputs"
if [[ -n "${KEEP_CONFORMANCE_OUTPUT:-}" ]]; then
    mkdir -p "$KEEP_CONFORMANCE_OUTPUT"
    cp "$work"/peer.tsv "$work"/peer.err "$work"/ours.json "$work"/ours.err "$KEEP_CONFORMANCE_OUTPUT"/
fi

python3 "$REPO/scripts/conformance_compare.py" "$work/peer.tsv" "$work/ours.json"

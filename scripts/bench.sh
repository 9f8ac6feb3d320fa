#!/usr/bin/env bash
# Benchmark: whole-process `bytecodelint scan` (all rules) and `inspect` against PeerScan (the Java+ASM
# peer in ../shared/bench) and its inflate-only floor, on the issue's inputs. Medians of N runs
# (hyperfine, warm-up 1), ratio per pair, and peak RSS (GNU time). Writes a Markdown table.
#
# Usage: scripts/bench.sh [-n RUNS] [-o TABLE.md]      (default 5 runs, table to stdout)
# Needs: the corpus (scripts/conformance.sh or ../shared/corpus/install.sh), hyperfine and GNU time
# (both installed by the corpus script). Run it on a quiet machine: numbers are wall-clock.
# The CLI measured is the one users get: the tool as `dotnet tool install BytecodeLint.Tool` puts it from
# scripts/pack.sh's folder (Native AOT on linux-x64). BYTECODELINT_FEED=DIR reuses a folder pack.sh already
# filled (packing takes minutes); BYTECODELINT_BUILD=composite measures a self-contained composite
# ReadyToRun publish instead, BYTECODELINT_BUILD=portable the framework-dependent JIT build; and
# BYTECODELINT_CLI=PATH measures that executable (e.g. "dotnet path/to/bytecodelint.dll").
# Many inputs in one run (peak RSS against the number of inputs, MB/s of class bytes): scripts/bench-scale.sh.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$REPO/../shared"
CORPUS="${BYTECODELINT_CORPUS:-/var/tmp/bytecodelint-corpus}"
runs=5 out=/dev/stdout
while getopts "n:o:" opt; do case $opt in n) runs=$OPTARG ;; o) out=$OPTARG ;; *) exit 2 ;; esac; done
command -v hyperfine >/dev/null || { echo "hyperfine missing (apt-get install hyperfine)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "GNU time missing (apt-get install time)" >&2; exit 2; }

publish="$(mktemp -d)"
rid="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
if [[ -n "${BYTECODELINT_CLI:-}" ]]; then
  read -r -a cli <<< "$BYTECODELINT_CLI"
  what="$BYTECODELINT_CLI"
elif [[ "${BYTECODELINT_BUILD:-installed}" == composite ]]; then
  dotnet publish "$REPO/src/BytecodeLint.Cli" -c Release -r "$rid" --self-contained -p:PublishAot=false -p:PublishReadyToRunComposite=true -o "$publish" -v quiet -nologo >&2
  cli=("$publish/bytecodelint"); what="self-contained composite ReadyToRun publish"
elif [[ "${BYTECODELINT_BUILD:-installed}" == portable ]]; then
  dotnet publish "$REPO/src/BytecodeLint.Cli" -c Release -p:PublishAot=false -o "$publish" -v quiet -nologo >&2
  cli=(dotnet "$publish/bytecodelint.dll"); what="portable framework-dependent build (JIT)"
else
  feed="${BYTECODELINT_FEED:-$publish/feed}"
  [[ -n "${BYTECODELINT_FEED:-}" ]] || bash "$REPO/scripts/pack.sh" "$feed" >&2
  version="$(ls "$feed"/BytecodeLint.Tool.*.nupkg | sed -n 's#.*/BytecodeLint\.Tool\.\([0-9][^/]*\)\.nupkg$#\1#p' | head -n1)"
  dotnet tool install --tool-path "$publish/tools" --add-source "$feed" BytecodeLint.Tool --version "$version" >&2
  cli=("$publish/tools/bytecodelint"); what="dotnet tool install BytecodeLint.Tool $version ($rid)"
fi
"$SHARED/bench/run.sh" >/dev/null 2>&1 || true   # compile PeerScan outside the timings

JMODS=(/usr/lib/jvm/java-17-openjdk-amd64/jmods/*.jmod)
declare -A INPUTS=(
  [asm-9.4.jar]="/usr/share/java/asm-9.4.jar"
  [guava.jar]="/usr/share/java/guava.jar"
  [kotlin-compiler-1.3.31.jar]="/usr/share/java/kotlin-compiler-1.3.31.jar"
  [fat-boot.jar]="$CORPUS/synthetic/fat-boot.jar"
  [jdk17-jmods]="${JMODS[*]}"
)
ORDER=(asm-9.4.jar guava.jar kotlin-compiler-1.3.31.jar fat-boot.jar jdk17-jmods)
work="$(mktemp -d)"; trap 'rm -rf "$work" "$publish"' EXIT
q() { printf '%q ' "$@"; }

median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
peak_mb() { /usr/bin/time -f %M "$@" >/dev/null 2>"$work/time.err" || true; awk 'END { printf "%.0f", $1 / 1024 }' "$work/time.err"; }

{
  echo "| input | scan | inspect | PeerScan | inflate-only floor | PeerScan ÷ scan | inspect ÷ floor | scan peak RSS | PeerScan peak RSS |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for name in "${ORDER[@]}"; do
    read -r -a files <<< "${INPUTS[$name]}"
    scan="$(q "${cli[@]}" scan "${files[@]}" --format json --output /dev/null --fail-on never)"
    inspect="$(q "${cli[@]}" inspect "${files[@]}" --format json) > /dev/null"
    peer="$(q "$SHARED/bench/run.sh" "${files[@]}") > /dev/null 2>&1"
    floor="$(q "$SHARED/bench/run.sh" --inflate-only "${files[@]}") > /dev/null 2>&1"
    for kind in scan inspect peer floor; do
      hyperfine --style none --shell bash --warmup 1 --runs "$runs" --export-json "$work/$kind.json" "${!kind}" >/dev/null
    done
    s=$(median "$work/scan.json") i=$(median "$work/inspect.json") p=$(median "$work/peer.json") f=$(median "$work/floor.json")
    rss=$(peak_mb "${cli[@]}" scan "${files[@]}" --format json --output /dev/null --fail-on never)
    peer_rss=$(peak_mb "$SHARED/bench/run.sh" "${files[@]}")
    python3 - "$name" "$s" "$i" "$p" "$f" "$rss" "$peer_rss" <<'PY'
import sys
name, s, i, p, f, rss, peer_rss = sys.argv[1], *map(float, sys.argv[2:6]), sys.argv[6], sys.argv[7]
print(f"| {name} | {s:.3f} s | {i:.3f} s | {p:.3f} s | {f:.3f} s | {p/s:.2f}× | {i/f:.2f}× | {rss} MB | {peer_rss} MB |")
PY
  done
  echo
  # Start-up: a whole process on a tiny jar (a 6 KB agent of 3 classes), all rules, text output.
  tiny="$REPO/samples/java/jars/agent-good.jar"
  hyperfine --style none --shell none --warmup 3 --runs $(( runs * 4 )) --export-json "$work/tiny.json" "$(q "${cli[@]}" scan "$tiny" --fail-on never)" >/dev/null
  python3 - "$(median "$work/tiny.json")" <<'PY'
import sys
print(f"Start-up: `scan samples/java/jars/agent-good.jar` (6 KB, 3 classes), median {float(sys.argv[1]) * 1000:.0f} ms.")
PY
  echo
  echo "CLI: $what. Medians of $runs runs after one warm-up, whole processes (runtime start included), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)."
} > "$out"

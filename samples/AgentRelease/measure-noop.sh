#!/usr/bin/env bash
# Measures what BytecodeLint adds to a no-op build of this sample: runs N no-op builds (default 7)
# and prints the median time of the BytecodeLint target (task re-logging the cached findings) from
# MSBuild's performance summary, and the median wall time of the whole build with and without
# BytecodeLint. Run `dotnet build samples/AgentRelease` once first (it bootstraps the package).
#
#   samples/AgentRelease/measure-noop.sh [N]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
N=${1:-7}
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
build() { dotnet build "$HERE" --no-restore -nologo -nodeReuse:false -tl:off -v:m -clp:PerformanceSummary "$@"; }

build > /dev/null || true   # warm the cache and the file system
target=() wall_on=() wall_off=()
for _ in $(seq "$N"); do
  start=$(date +%s%N); out=$(build || true); end=$(date +%s%N)
  wall_on+=($(( (end - start) / 1000000 )))
  target+=($(awk '/Target Performance Summary/ { t = 1 } t && $3 == "BytecodeLint" { print $1; exit }' <<< "$out"))
  start=$(date +%s%N); build -p:BytecodeLintEnabled=false > /dev/null || true; end=$(date +%s%N)
  wall_off+=($(( (end - start) / 1000000 )))
done
echo "no-op builds of samples/AgentRelease, median of $N:"
echo "  BytecodeLint target:          $(printf '%s\n' "${target[@]}" | median) ms   (runs: ${target[*]})"
echo "  build with BytecodeLint:      $(printf '%s\n' "${wall_on[@]}" | median) ms"
echo "  build with BytecodeLintEnabled=false: $(printf '%s\n' "${wall_off[@]}" | median) ms"

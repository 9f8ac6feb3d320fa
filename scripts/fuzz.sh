#!/usr/bin/env bash
# Mutation fuzzer over the sample class files, the oracle classes and the sample jars: every input is
# scanned by ScanEngine (all shipped rules) and the inspect inventory; a crash, a rule failure (BL9003),
# a hang (2 s per class, 60 s per archive) or unbounded memory fails the run and the input is saved.
#
# Usage: scripts/fuzz.sh [CLASSES] [SEED] [extra options: --threads N --batch N --crashes DIR]
#        (default 100000 classes, seed 1; crashes saved under ./fuzz-crashes)
# The same CLASSES, SEED and --batch always generate the same inputs, whatever --threads is.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
classes="${1:-100000}" seed="${2:-1}"
shift $(( $# < 2 ? $# : 2 ))
dotnet build -c Release "$REPO/tests/BytecodeLint.Fuzz" -v quiet -nologo >&2
dll="$(dotnet msbuild "$REPO/tests/BytecodeLint.Fuzz" -getProperty:TargetPath -p:Configuration=Release)"
exec /usr/bin/env DOTNET_gcServer=0 dotnet "$dll" "$classes" "$seed" "$@"

#!/usr/bin/env bash
# BL0003 ground truth without BytecodeLint: an upper bound of what one fresh-pool retransform of each
# method of a jar can cost, from samples/java/gen/ClassStats.java (an independent class-file reader).
# Every ldc/ldc_w of the method is counted as widened (W can only be lower), with the measured
# per-widening cost of docs/rules/BL0003.md: 1.16*(code+StackMapTable) + 1.8*LNT entries bytes,
# + 42 KiB per retransform. Prints the costliest method; below the 64 MiB default threshold means
# BL0003 cannot be right to fire on this jar.
#   samples/java/measure/agents/bl0003-bound.sh JAR
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JARFILE=$(readlink -f "$1")
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && unzip -qq -o "$JARFILE" '*.class' 2>/dev/null || true)
find "$WORK" -name '*.class' -print0 | xargs -0 -r -n 500 java "$HERE/../../gen/ClassStats.java" 2>/dev/null |
awk -v jar="$(basename "$JARFILE")" -v work="$WORK/" '
  /constant_pool_count=/ { cls = $1; sub(work, "", cls); sub(/:$/, "", cls) }
  /code_length=/ {
    for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    w = v["ldc"] + v["ldc_w"]
    cost = w * (1.16 * (v["code_length"] + v["stackmaptable_length"]) + 1.8 * v["linenumber_entries"]) + 42 * 1024
    if (cost > best) { best = cost; where = cls " " $1; detail = sprintf("code=%d smt=%d lnt=%d ldc+ldc_w=%d", v["code_length"], v["stackmaptable_length"], v["linenumber_entries"], w) }
  }
  END { printf "%s: max bound %.2f MiB at %s (%s)\n", jar, best / 1048576, where, detail }'

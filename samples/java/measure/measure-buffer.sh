#!/usr/bin/env bash
# BL0107: a transformer that returns classfileBuffer for a class it did not change. Loads the ~1,200
# (17) / ~1,400 (25) classes of the JDK's default CDS class list with no agent and with agent-buffer.jar
# registering a transformer that returns null or the buffer, retransform-capable or not, and prints
# Metaspace used, NMT Internal (cached class bytes), and how many classes of the whole run came from
# the CDS archive ("source: shared objects file") or were parsed from the runtime image ("source:
# jrt:/..." or "...../lib/modules"; -Xlog:class+load).
# Each configuration runs RUNS times (default 3); the median is printed.
#
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java samples/java/measure/measure-buffer.sh [RUNS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS=${1:-3}
build_driver BufferHarness.java samples.measure.BufferHarness
CONFIGS=(none null buffer null,noretransform buffer,noretransform helper anonymous conditional-null conditional-buffer)
printf '%-22s %7s %9s %13s %16s %10s %10s\n' agent loaded load_ms metaspace_KB nmt_internal_KB cds_shared not_shared
for cfg in "${CONFIGS[@]}"; do
  agent=(); [[ $cfg != none ]] && agent=(-javaagent:"$JARS/agent-buffer.jar=$cfg")
  for ((r = 1; r <= RUNS; r++)); do
    "$JAVA" -XX:NativeMemoryTracking=summary "${agent[@]}" -Xlog:class+load=info:file="$WORK/cl.log" \
      -cp "$WORK/driver.jar" samples.measure.BufferHarness classlist > "$WORK/out.txt"
    shared=$(grep -c 'source: shared objects file' "$WORK/cl.log" || true)
    jrt=$(grep -cE 'source: (jrt:/|.*/lib/modules$)' "$WORK/cl.log" || true)
    sed -n 's/^RESULT //p' "$WORK/out.txt" | tr ' =' '\n\n' | awk 'NR % 2 == 0' | paste -sd' ' | sed "s/\$/ $shared $jrt/"
  done | sort -n -k4 | sed -n "$(( (RUNS + 1) / 2 ))p" | awk -v c="$cfg" '{printf "%-22s %7s %9s %13s %16s %10s %10s\n", c, $2, $3, $4, $5, $6, $7}'
done

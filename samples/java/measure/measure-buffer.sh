#!/usr/bin/env bash
# BL0107: a transformer that returns classfileBuffer for a class it did not change. Loads the ~1,200
# (17) / ~1,400 (25) classes of the JDK's default CDS class list with no agent and with agent-buffer.jar
# registering a transformer that returns null or the buffer, retransform-capable or not, and prints
# Metaspace used, NMT Internal (cached class bytes), and how many classes of the whole run came from
# the CDS archive ("source: shared objects file") or were parsed (any other source; -Xlog:class+load).
# Each configuration runs RUNS times (default 3); the median (by Metaspace) is printed. A second table
# does the same for the classes of LIB (default Debian's guava.jar), which are not in any CDS archive,
# so returning the buffer can only cost the cached copy; it also prints LIB's total class-file bytes.
#
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java samples/java/measure/measure-buffer.sh [RUNS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS=${1:-3}
build_driver BufferHarness.java samples.measure.BufferHarness
LIB=${LIB:-/usr/share/java/guava.jar}
CONFIGS=(none null buffer null,noretransform buffer,noretransform helper anonymous conditional-null conditional-buffer
         lambda lambda-null)
run_table() {   # run_table MODE [PATH] CONFIG...
local mode=$1 path=$2; shift 2
printf '%-22s %7s %9s %13s %16s %10s %10s\n' agent loaded load_ms metaspace_KB nmt_internal_KB cds_shared not_shared
for cfg in "$@"; do
  case $cfg in
    none) agent=() ;;
    lambda) agent=(-javaagent:"$JARS/agent-buffer-lambda.jar") ;;              # --release 8 lambda returning the buffer
    lambda-null) agent=(-javaagent:"$JARS/agent-buffer-lambda.jar=null") ;;    # lambda returning null
    *) agent=(-javaagent:"$JARS/agent-buffer.jar=$cfg") ;;
  esac
  for ((r = 1; r <= RUNS; r++)); do
    "$JAVA" -XX:NativeMemoryTracking=summary "${agent[@]}" -Xlog:class+load=info:file="$WORK/cl.log" \
      -cp "$WORK/driver.jar:$path" samples.measure.BufferHarness $mode $path > "$WORK/out.txt"
    shared=$(grep -c 'source: shared objects file' "$WORK/cl.log" || true)
    jrt=$(( $(grep -c 'source: ' "$WORK/cl.log" || true) - shared ))   # parsed: jrt:/, lib/modules, file:, ...
    sed -n 's/^RESULT //p' "$WORK/out.txt" | tr ' =' '\n\n' | awk 'NR % 2 == 0' | paste -sd' ' | sed "s/\$/ $shared $jrt/"
  done | sort -n -k4 | sed -n "$(( (RUNS + 1) / 2 ))p" | awk -v c="$cfg" '{printf "%-22s %7s %9s %13s %16s %10s %10s\n", c, $2, $3, $4, $5, $6, $7}'
done
}
echo "## JDK default class list (CDS-archived boot classes)"
run_table classlist "" "${CONFIGS[@]}"
if [[ -f "$LIB" ]]; then
  echo "## $(basename "$LIB") through the application loader (not archived); class files total" \
    "$(unzip -l "$LIB" | awk '/\.class$/ { b += $1 } END { printf "%d KB", b / 1024 }')"
  run_table jar "$LIB" none null buffer buffer,noretransform
fi

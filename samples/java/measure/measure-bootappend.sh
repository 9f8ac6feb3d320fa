#!/usr/bin/env bash
# BL0108: an agent's boot class path vs class-data sharing. Dumps a static and a dynamic AppCDS
# archive of an application that loads every class of LIB (default: Debian's guava.jar, about 2,000
# classes) through the application class loader, then runs the application with the default CDS
# archive and with each AppCDS archive, each without an agent, with an agent that touches no boot path
# (control), with agent-bootpath.jar (manifest Boot-Class-Path) and with agent-bootappend.jar
# (Instrumentation.appendToBootstrapClassLoaderSearch in premain). Prints, per run (median of RUNS by
# wall time), wall time of the JVM, the time to load LIB's classes, Metaspace used, how many classes of
# the whole run came from an archive or were parsed, and HotSpot's CDS lines (default output and
# -Xlog:cds mismatches). Takes about 1 minute per JDK with RUNS=3.
#
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java samples/java/measure/measure-bootappend.sh [RUNS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS=${1:-3}
LIB=${LIB:-/usr/share/java/guava.jar}
[[ -f "$LIB" ]] || die "library jar $LIB not found (set LIB=some.jar with a few thousand classes)"
build_driver BufferHarness.java samples.measure.BufferHarness
CP="$WORK/driver.jar:$LIB"
# dynamic AppCDS archive (on top of the JDK's default archive) ...
"$JAVA" -XX:ArchiveClassesAtExit="$WORK/dynamic.jsa" -cp "$CP" samples.measure.BufferHarness jar "$LIB" > "$WORK/dump.txt" 2>&1 \
  || { cat "$WORK/dump.txt"; die "dynamic AppCDS dump failed"; }
# ... and a static one (class list, then -Xshare:dump)
"$JAVA" -XX:DumpLoadedClassList="$WORK/classes.lst" -cp "$CP" samples.measure.BufferHarness jar "$LIB" > "$WORK/dump.txt" 2>&1 \
  || { cat "$WORK/dump.txt"; die "class list dump failed"; }
"$JAVA" -Xshare:dump -XX:SharedClassListFile="$WORK/classes.lst" -XX:SharedArchiveFile="$WORK/static.jsa" -cp "$CP" \
  > "$WORK/dump.txt" 2>&1 || { cat "$WORK/dump.txt"; die "static AppCDS dump failed"; }
echo "# AppCDS archives from $(basename "$LIB"): dynamic $(($(stat -c %s "$WORK/dynamic.jsa") / 1024)) KB, static $(($(stat -c %s "$WORK/static.jsa") / 1024)) KB"

printf '%-9s %-16s %7s %7s %8s %12s %10s %10s\n' archive agent wall_ms load_ms loaded metaspace_KB cds_shared not_shared
for archive in default static dynamic; do
  for agent in none plain-agent manifest-bootpath runtime-append; do
    opts=()
    [[ $archive != default ]] && opts+=(-XX:SharedArchiveFile="$WORK/$archive.jsa")
    # plain-agent: a -javaagent that touches no boot path (agent-buffer.jar, null transformer), the control
    # for what any -javaagent alone does to the archive.
    [[ $agent == plain-agent ]] && opts+=(-javaagent:"$JARS/agent-buffer.jar=null,noretransform")
    [[ $agent == manifest-bootpath ]] && opts+=(-javaagent:"$JARS/agent-bootpath.jar")
    [[ $agent == runtime-append ]] && opts+=(-javaagent:"$JARS/agent-bootappend.jar")
    for ((r = 1; r <= RUNS; r++)); do
      start=$(date +%s%N)
      "$JAVA" "${opts[@]}" -Xlog:class+load=info:file="$WORK/cl.log" -Xlog:cds=info:file="$WORK/cds.log" -cp "$CP" \
        samples.measure.BufferHarness jar "$LIB" > "$WORK/out.txt" 2>&1
      wall=$(( ($(date +%s%N) - start) / 1000000 ))
      grep -iE 'sharing|mismatch' "$WORK/out.txt" | sed "s/^/  [$archive $agent] /" > "$WORK/warn-$archive-$agent.txt" || true
      grep -iE 'mismatch|disabled' "$WORK/cds.log" | grep -v 'optimized module\|full module' | sed -E "s/^\[[^]]*\]\[[^]]*\]\[[^]]*\] */  [$archive $agent] -Xlog:cds: /" >> "$WORK/warn-$archive-$agent.txt" || true
      shared=$(grep -c 'source: shared objects file' "$WORK/cl.log" || true)
      parsed=$(grep -c 'source: ' "$WORK/cl.log" || true)
      res=$(sed -n 's/^RESULT //p' "$WORK/out.txt" | tr ' =' '\n\n' | awk 'NR % 2 == 0' | paste -sd' ')
      echo "$wall $res $shared $((parsed - shared))"
    done | sort -n -k1 | sed -n "$(( (RUNS + 1) / 2 ))p" \
      | awk -v a="$archive" -v g="$agent" '{printf "%-9s %-16s %7s %7s %8s %12s %10s %10s\n", a, g, $1, $4, $3, $5, $7, $8}'
  done
done
echo "# CDS lines printed by HotSpot (stdout/stderr):"
cat "$WORK"/warn-*.txt | sort -u

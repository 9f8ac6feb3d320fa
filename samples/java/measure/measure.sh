#!/usr/bin/env bash
# Retransforms one sample class on the local JVM and reports what HotSpot did: Metaspace growth,
# merged constant-pool length, index-map length and widened ldc per retransform (from
# -Xlog:redefine+class+constantpool=trace). Reads the committed jars (app.jar, widening.jar, agents); writes only to a temp folder.
#
#   samples/java/measure/measure.sh CLASS [N] [TRANSFORMER]
#   e.g. measure.sh samples.app.BigStackMapWidening 3 samples.agent.rebuild.SubclassWriterTransformer
#        measure.sh samples.app.NaNConstants 8
#        measure.sh samples.app.CatchThrowablePrints 100
# JAVA_HOME selects the JVM (default: java on PATH); JAVA_OPTS adds JVM flags (e.g. -Xshare:off).
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JARS="$HERE/../jars"
ASM_JAR=${ASM_JAR:-/usr/share/java/asm.jar}
die() { echo "measure.sh: error: $*" >&2; exit 1; }

[[ $# -ge 1 ]] || die "usage: measure.sh CLASS [N] [TRANSFORMER]"
CLASS=$1; N=${2:-3}; TRANSFORMER=${3:-}
if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=$(command -v java || true); fi
JAVAC=$(dirname "$(readlink -f "$JAVA")")/javac; JAR=$(dirname "$(readlink -f "$JAVA")")/jar
[[ -x "$JAVA" && -x "$JAVAC" && -x "$JAR" ]] || die "need a JDK (java, javac, jar); set JAVA_HOME"
[[ -f "$ASM_JAR" ]] || die "ASM not found at $ASM_JAR (set ASM_JAR)"

WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
"$JAVAC" -d "$WORK/classes" "$HERE/RetransformHarness.java"
printf 'Premain-Class: samples.measure.RetransformHarness\nCan-Retransform-Classes: true\n' > "$WORK/manifest.txt"
"$JAR" --create --file "$WORK/harness.jar" --manifest "$WORK/manifest.txt" -C "$WORK/classes" .

CP="$JARS/app.jar:$JARS/widening.jar:$JARS/agent-good.jar:$JARS/agent-rebuild.jar:$ASM_JAR"
"$JAVA" -version 2>&1 | head -1
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
"$JAVA" ${JAVA_OPTS:-} -XX:MetaspaceSize=4g -javaagent:"$WORK/harness.jar" -cp "$CP" \
  -Xlog:redefine+class+constantpool=trace:file="$WORK/merge.log" \
  samples.measure.RetransformHarness "$CLASS" "$N" $TRANSFORMER > "$WORK/out.txt"
# One "old_cp_len=" line starts each retransform's merge; count the ldc widenings that follow it.
awk -v out="$WORK/out.txt" '
  /old_cp_len=/ { n++ }
  /merge_cp_len=.*index_map_len=/ && /\[info/ { match($0, /merge_cp_len=[0-9]+, index_map_len=[0-9]+/); m[n] = substr($0, RSTART, RLENGTH) }
  /ldc->ldc_w/ { w[n]++ }
  END {
    i = 0
    while ((getline line < out) > 0) { i++; printf "%s; %s; widened_ldc=%d\n", line, m[i], w[i] + 0 }
  }' "$WORK/merge.log"

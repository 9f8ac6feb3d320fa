#!/usr/bin/env bash
# BL0005: invokedynamic sites re-link after every retransform. For each sample class of
# hazard-indy.jar: warm it up, then N times retransform it (no transformer) and call run(K) once.
# Prints, per case, the growth after N rounds (full GCs first) of the loaded-class count and of
# Metaspace used, the re-links per round (bootstrap calls traced with
# -Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true, counted for the sample class only) and
# the classes defined per round (-Xlog:class+load: classes not from the CDS archive or jrt:/ and not
# the redefinition's own scratch class, i.e. hidden classes spun by bootstraps).
#
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java samples/java/measure/measure-indy.sh [N]
# N defaults to 500 (each case takes 2-40 s at N=500 on a shared 2-core machine). INDY_CASES="C:K ..."
# runs only those cases (e.g. INDY_CASES="NoIndy:8 LambdaSites:8" measure-indy.sh 1000).
# meta@100 is the Metaspace growth after the first 100 rounds (linearity check).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N=${1:-500}
build_driver IndyHarness.java samples.measure.IndyHarness

# class:K pairs. LambdaSites runs its first K of 8 lambda sites; the others run all of their sites.
CASES=(NoIndy:8 LambdaSites:0 LambdaSites:1 LambdaSites:4 LambdaSites:8 MethodRefSites:0 AltLambdaSites:0
       ClinitOnlyLambda:0 UnexecutedLambda:0 StringConcatSites:0 TypeSwitchSites:0 EnumSwitchSites:3)
[[ -n "${INDY_CASES:-}" ]] && read -r -a CASES <<< "$INDY_CASES"
printf '%-18s %2s %5s %9s %12s %12s %12s %14s %14s %7s\n' case K N classes metaspace_B meta@100 B_per_round relinks/round defined/round secs
for c in "${CASES[@]}"; do
  cls=${c%%:*}; k=${c##*:}
  start=$(date +%s.%N)
  "$JAVA" -XX:MetaspaceSize=1g -Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true \
    -Xlog:class+load=info:stdout:uptime -javaagent:"$WORK/driver.jar" -cp "$JARS/hazard-indy.jar" \
    samples.measure.IndyHarness "samples.hazard.indy.$cls" "$k" "$N" > "$WORK/out.txt"
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  awk -v cls="samples.hazard.indy.$cls" -v k="$k" -v n="$N" -v secs="$secs" '
    /^BASELINE/ { b = 1; next }
    /^RESULT/ && $4 == "n=" n { split($5, a, "="); classes = a[2]; split($6, m, "="); meta = m[2] }
    /^RESULT/ && $4 == "n=100" { split($6, m, "="); meta100 = m[2] }
    b && (index($0, "linkCallSite " cls " ") == 1 || index($0, "linkCallSite " cls ".") == 1) { links++ }   # 17 / 25 formats
    b && / source: / && !/__VM_RedefineClasses__|shared objects file|jrt:\// { defined++ }
    END { printf "%-18s %2s %5s %9s %12s %12s %12.0f %14.2f %14.2f %7.1f\n", substr(cls, 21), k, n, classes, meta,
          meta100, meta / n, links / n, defined / n, secs }' "$WORK/out.txt"
done

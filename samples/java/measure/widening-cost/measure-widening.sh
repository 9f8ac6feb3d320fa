#!/usr/bin/env bash
# Measures the Metaspace cost of ldc widening on a real JVM for the generated class pairs
# (GenWideningCost.java): per case and JDK, one JVM retransforms the original into the transformed
# class and a second JVM retransforms it into itself (the no-widening control); the widening cost is
# the difference. Also counts HotSpot's ldc->ldc_w lines (-Xlog:redefine+class+constantpool=trace).
#   samples/java/measure/widening-cost/measure-widening.sh PAIRS_DIR JAVA_HOME... > results.tsv
# PAIRS_DIR: the generator's output (or tests/TestData/widening-cost). Needs ASM only to generate.
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PAIRS=$(readlink -f "${1:?pairs dir}"); shift
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
printf 'case\tjdk\tmode\twidened_ldc\tmerge_index_map\tmx_delta\tjcmd_delta\n'
for JH in "$@"; do
  JDK=$("$JH/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version = /{print $2}')
  rm -rf "$WORK/h"; "$JH/bin/javac" --release 17 -d "$WORK/h" "$HERE/WideningCostHarness.java"
  printf 'Premain-Class: samples.measure.WideningCostHarness\nCan-Retransform-Classes: true\n' > "$WORK/m.txt"
  "$JH/bin/jar" --create --file "$WORK/harness.jar" --manifest "$WORK/m.txt" -C "$WORK/h" .
  while IFS=$'\t' read -r name cls _; do
    [[ "$name" == case ]] && continue
    rm -rf "$WORK/cp"; mkdir -p "$WORK/cp/$(dirname "${cls//.//}")"
    cp "$PAIRS/$name/original.class" "$WORK/cp/${cls//.//}.class"
    for mode in transformed control; do
      file="$PAIRS/$name/transformed.class"; [[ $mode == control ]] && file="$PAIRS/$name/original.class"
      "$JH/bin/java" -Xshare:auto -XX:MetaspaceSize=1g -javaagent:"$WORK/harness.jar" -cp "$WORK/cp" \
        -Xlog:redefine+class+constantpool=trace:file="$WORK/log" \
        samples.measure.WideningCostHarness "$cls" "$file" > "$WORK/out" 2>&1 || { cat "$WORK/out" >&2; exit 1; }
      w=$(grep -c 'ldc->ldc_w' "$WORK/log" || true)
      im=$(grep -o 'index_map_len=[0-9]*' "$WORK/log" | tail -1 | cut -d= -f2 || true)
      mx=$(grep -o 'mx_delta=-*[0-9]*' "$WORK/out" | cut -d= -f2)
      jc=$(grep -o 'jcmd_delta=-*[0-9]*' "$WORK/out" | cut -d= -f2)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$JDK" "$mode" "$w" "${im:-0}" "$mx" "$jc"
    done
  done < "$PAIRS/cases.tsv"
done

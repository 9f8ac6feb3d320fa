#!/usr/bin/env bash
# BL0007: signed zeros. For each class of hazard-zeros.jar and each transformer (none, keep = ASM
# writer with the reader's pool, fresh = ASM writer with a new pool), retransforms the class twice
# and prints neg(), inverse() = 1/neg() and the @Zero annotation value before and after; then the
# pool indices of the zeros in the original class (javap) and, from
# -Xlog:redefine+class+constantpool=trace, where the first merge mapped each scratch Float/Double entry.
#
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java samples/java/measure/measure-zeros.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -f "$ASM_JAR" ]] || die "ASM not found at $ASM_JAR (set ASM_JAR)"
build_driver ZerosHarness.java samples.measure.ZerosHarness "$ASM_JAR"
CLASSES=(PosZeroFirstDouble PosZeroFirstFloat BothZerosDouble BothZerosFloat NegZeroFirst NegZeroOnly MixedTypeZeros)
for cls in "${CLASSES[@]}"; do
  echo "## $cls: $("$JDK_BIN/javap" -v -cp "$JARS/hazard-zeros.jar" "samples.hazard.zeros.$cls" \
        | grep -E '^ +#[0-9]+ = (Double|Float) ' | sed -E 's/ +/ /g' | paste -sd';')"
  for mode in none keep fresh; do
    "$JAVA" -Xlog:redefine+class+constantpool=trace:file="$WORK/cp.log" -javaagent:"$WORK/driver.jar" \
      -cp "$JARS/hazard-zeros.jar:$ASM_JAR" samples.measure.ZerosHarness "samples.hazard.zeros.$cls" "$mode" 2 | sed -n '1p;3p'
    # Index-map entries of Float (tag 4) / Double (tag 6) constants in the first merge: scratch index -> merged index.
    awk '/old_cp_len=/ { n++ } n == 1 && /mapped tag [46] at index/ { sub(/.*mapped/, "  first merge: mapped"); print }' "$WORK/cp.log"
  done
done

#!/usr/bin/env bash
# BL0006: a retransform that changes the class's shape fails. Retransforms each class of
# hazard-shape-original.jar into its counterpart from hazard-shape-transformed.jar (one case per
# line) and prints retransformClasses' outcome with HotSpot's exact message, then the
# -Xlog:redefine+class+normalize / +record / +nestmates lines that name the offending member.
#
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java samples/java/measure/measure-shape.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build_driver ShapeHarness.java samples.measure.ShapeHarness
CASES=(BodyOnly AddField RemoveField ChangeFieldType ChangeFieldModifiers AddMethod AddPrivateMethod AddLambda
       RemoveMethod RemovePrivateMethod ChangeMethodModifiers ChangeClassModifiers ChangeSuperclass
       ChangeInterfaces NestOuter 'NestOuter$Inner' RecordSignature SealedShape
       'BatchBodyOnly+ChangeSuperclass')
"$JAVA" -Xlog:redefine+class*=info:file="$WORK/redefine.log" -javaagent:"$WORK/driver.jar" \
  -cp "$JARS/hazard-shape-original.jar" samples.measure.ShapeHarness \
  "$JARS/hazard-shape-transformed.jar" "${CASES[@]}"
echo "# -Xlog:redefine+class* lines that explain a refusal:"
grep -E 'attempted|change|changed|error|differ|removed|added' "$WORK/redefine.log" | sed -E 's/^\[[^]]*\]//' | sort -u || true

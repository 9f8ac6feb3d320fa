# Shared by the measure-*.sh scripts (sourced, not run): picks the JVM and builds a measurement
# driver into an agent jar in a temporary folder. JAVA=/path/to/bin/java selects the JVM (else
# JAVA_HOME/bin/java, else java on PATH); javac and jar are taken from the same JDK.
export LC_ALL=C
MEASURE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JARS="$MEASURE_DIR/../jars"
ASM_JAR=${ASM_JAR:-/usr/share/java/asm.jar}
die() { echo "$(basename "$0"): error: $*" >&2; exit 1; }
if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=$(command -v java || true); fi
fi
[[ -n "$JAVA" && -x "$JAVA" ]] || die "java not found; set JAVA=/path/to/bin/java"
JDK_BIN=$(dirname "$(readlink -f "$JAVA")")
JAVAC="$JDK_BIN/javac"; JAR="$JDK_BIN/jar"; JCMD="$JDK_BIN/jcmd"
[[ -x "$JAVAC" && -x "$JAR" ]] || die "need a full JDK next to $JAVA (javac, jar)"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
echo "# $("$JAVA" -version 2>&1 | sed -n 2p)"

# build_driver SOURCE.java MAIN-CLASS [CLASSPATH]: compiles the driver into $WORK/driver.jar, whose
# manifest makes it an agent (Premain-Class, Can-Retransform-Classes) so that it can retransform.
build_driver() {
  local src=$1 main=$2 cp=${3:-}
  mkdir -p "$WORK/driver"
  "$JAVAC" -nowarn -d "$WORK/driver" ${cp:+-cp "$cp"} "$MEASURE_DIR/$src" || die "javac failed for $src"
  printf 'Premain-Class: %s\nCan-Retransform-Classes: true\nCan-Redefine-Classes: true\n' "$main" > "$WORK/driver.mf"
  "$JAR" --create --file "$WORK/driver.jar" --manifest "$WORK/driver.mf" -C "$WORK/driver" . || die "jar failed"
}

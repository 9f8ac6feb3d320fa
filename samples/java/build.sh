#!/usr/bin/env bash
# Rebuilds samples/java/classes/ and samples/java/jars/ from samples/java/src/ with the local JDK.
# The outputs are committed so that tests never need a JDK; re-run this after editing a source.
#
#   samples/java/build.sh            rebuild everything, replace classes/ and jars/, write SHA256SUMS
#
# Needs JDK 17+ (javac --release 8/11/17, jar --date) and ASM 9.x (default /usr/share/java/asm.jar,
# override with ASM_JAR=...; only compiled against, never bundled). Set JAVA_HOME to pick a JDK.
# Reproducible: the same JDK build gives byte-identical classes and jars on every run (fixed entry
# dates, sorted entry lists, no directory timestamps); the committed outputs came from OpenJDK
# 17.0.15 (Debian), see README.md.
set -euo pipefail
export LC_ALL=C TZ=UTC   # stable sort order and messages; jar --date is already zone-independent

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATE=2024-01-01T00:00:00Z
ASM_JAR=${ASM_JAR:-/usr/share/java/asm.jar}

die() { echo "build.sh: error: $*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------------------------
if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVAC="$JAVA_HOME/bin/javac"; JAR="$JAVA_HOME/bin/jar"; JAVA="$JAVA_HOME/bin/java"
else
  JAVAC=$(command -v javac || true); JAR=$(command -v jar || true); JAVA=$(command -v java || true)
fi
[[ -n "$JAVAC" && -x "$JAVAC" ]] || die "javac not found (install a JDK 17+, e.g. openjdk-17-jdk-headless, or set JAVA_HOME)"
[[ -n "$JAR" && -x "$JAR" ]] || die "jar not found next to javac (need a full JDK 17+)"
[[ -n "$JAVA" && -x "$JAVA" ]] || die "java not found (need a full JDK 17+)"
JDK_VERSION=$("$JAVAC" -version 2>&1 | awk '{print $2}')
JDK_FEATURE=${JDK_VERSION%%.*}
[[ "$JDK_FEATURE" =~ ^[0-9]+$ && "$JDK_FEATURE" -ge 17 ]] \
  || die "javac $JDK_VERSION is too old: need 17+ for --release 17 and jar --date"
[[ -f "$ASM_JAR" ]] || die "ASM not found at $ASM_JAR (Debian: apt-get install libasm-java; or set ASM_JAR=/path/to/asm-9.x.jar)"
echo "build.sh: javac $JDK_VERSION, ASM $(readlink -f "$ASM_JAR")"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/out"; mkdir -p "$OUT/classes" "$OUT/jars"

# --- sources ------------------------------------------------------------------------------------
# The long generated sources are rewritten by the generator (deterministic, so normally unchanged).
"$JAVA" "$HERE/gen/GenSamples.java" "$HERE/src/app/samples/app" "$HERE/src/widening/samples/app"

# Lists files under $1 relative to it, sorted bytewise so that the jar entry order never varies.
list_files() { (cd "$1" && find . -type f ${2:+-name "$2"} | sed 's|^\./||' | LC_ALL=C sort); }

# compile RELEASE OUTDIR CLASSPATH SRCROOT FILE...   (FILE relative to SRCROOT)
compile() {
  local release=$1 out=$2 cp=$3 root=$4; shift 4
  mkdir -p "$out"
  local args=(-g -encoding UTF-8 --release "$release" -implicit:none -Xlint:all,-try,-options -Werror -d "$out")
  [[ -n "$cp" ]] && args+=(-cp "$cp")
  (cd "$root" && "$JAVAC" "${args[@]}" "$@") || die "javac --release $release failed for $root"
}

APP="$HERE/src/app"
mapfile -t APP_SOURCES < <(list_files "$APP" '*.java')
# The catch cases (BL0001 positives and controls) also go into app-java8.jar.
CATCH_SOURCES=(samples/app/CatchException.java samples/app/CatchThrowableGetMessage.java
               samples/app/CatchThrowableNoCall.java samples/app/CatchThrowablePrints.java
               samples/app/FinallyOnly.java samples/app/SynchronizedBlock.java
               samples/app/TryWithResources.java)

compile 17 "$OUT/classes/release17" "" "$APP" "${APP_SOURCES[@]}"
compile 11 "$OUT/classes/release11" "" "$APP" samples/app/CatchThrowablePrints.java
compile 8  "$OUT/classes/release8"  "" "$APP" "${CATCH_SOURCES[@]}"
# BigStackMapWidening is kept out of app.jar (its own folder and jar) so app.jar stays as it was.
compile 17 "$OUT/classes/widening"  "" "$HERE/src/widening" samples/app/BigStackMapWidening.java
for agent in agent-good agent-rebuild agent-bad; do
  mapfile -t sources < <(list_files "$HERE/src/$agent" '*.java')
  compile 8 "$OUT/classes/$agent" "$ASM_JAR" "$HERE/src/$agent" "${sources[@]}"
done

# Turn-3 hazard samples (BL0005-BL0007, BL0107, BL0108; measured by measure/measure-*.sh). The three
# classes javac 17 cannot produce (a pattern switch without --enable-preview, +0.0 before -0.0 in the
# pool, a nested class without NestHost) are written by deterministic ASM generators.
compile_tree() {   # compile_tree RELEASE SRCDIR OUTNAME [CLASSPATH]
  local sources
  mapfile -t sources < <(list_files "$2" '*.java')
  compile "$1" "$OUT/classes/$3" "${4:-}" "$2" "${sources[@]}"
}
compile_tree 17 "$HERE/src/hazard-indy" hazard-indy
"$JAVA" -cp "$ASM_JAR" "$HERE/gen/GenTypeSwitch.java" "$OUT/classes/hazard-indy" || die "GenTypeSwitch failed"
compile_tree 17 "$HERE/src/hazard-shape/original" hazard-shape-original
compile_tree 17 "$HERE/src/hazard-shape/transformed" hazard-shape-transformed
"$JAVA" -cp "$ASM_JAR" "$HERE/gen/GenDropNestHost.java" \
  "$OUT/classes/hazard-shape-transformed/samples/hazard/shape/NestOuter\$Inner.class" || die "GenDropNestHost failed"
compile_tree 17 "$HERE/src/hazard-zeros" hazard-zeros
"$JAVA" -cp "$ASM_JAR" "$HERE/gen/GenSignedZeros.java" "$OUT/classes/hazard-zeros" || die "GenSignedZeros failed"
compile_tree 11 "$HERE/src/agent-buffer" agent-buffer          # 11: the Module form of transform
for module in agent-buffer-lambda agent-bootappend agent-bootpath boot-helper; do   # 8: lambda transformer
  compile_tree 8 "$HERE/src/$module" "$module"
done

# --- jars ---------------------------------------------------------------------------------------
# make_jar JAR DIR [MANIFEST]: every file under DIR, sorted, deflated, fixed dates.
make_jar() {
  local jar=$1 dir=$2 manifest=${3:-}
  local args=(--create --file "$jar" --date "$DATE")
  [[ -n "$manifest" ]] && args+=(--manifest "$manifest")
  list_files "$dir" > "$WORK/list.txt"
  (cd "$dir" && "$JAR" "${args[@]}" @"$WORK/list.txt") || die "jar failed for $jar"
}

make_jar "$OUT/jars/app.jar" "$OUT/classes/release17"
make_jar "$OUT/jars/app-java8.jar" "$OUT/classes/release8"
make_jar "$OUT/jars/widening.jar" "$OUT/classes/widening"
for agent in agent-good agent-rebuild agent-bad; do
  make_jar "$OUT/jars/$agent.jar" "$OUT/classes/$agent" "$HERE/src/$agent/manifest.txt"
done

for module in hazard-indy hazard-shape-original hazard-shape-transformed hazard-zeros boot-helper; do
  make_jar "$OUT/jars/$module.jar" "$OUT/classes/$module"
done
for agent in agent-buffer agent-buffer-lambda agent-bootappend agent-bootpath; do
  make_jar "$OUT/jars/$agent.jar" "$OUT/classes/$agent" "$HERE/src/$agent/manifest.txt"
done

# multi-release.jar: base = the --release 8 catch classes; META-INF/versions/11 and /17 hold the
# release 11 and 17 builds of CatchThrowablePrints. jar --release adds "Multi-Release: true".
# jar warns that the versioned classes are "identical to an entry already in the jar": they differ
# only in the class-file version (52/55/61), which is the point of this sample.
list_files "$OUT/classes/release8" > "$WORK/mr-base.txt"
# (-C applies to one following name only, so the base list is read from inside release8.)
(cd "$OUT/classes/release8" && "$JAR" --create --file "$OUT/jars/multi-release.jar" --date "$DATE" \
   @"$WORK/mr-base.txt" \
   --release 11 -C ../release11 samples/app/CatchThrowablePrints.class \
   --release 17 -C ../release17 samples/app/CatchThrowablePrints.class) || die "jar failed for multi-release.jar"

# fat-app.jar: Spring Boot executable-jar layout. Application classes deflated under
# BOOT-INF/classes/, nested jars STORED under BOOT-INF/lib/ (Spring Boot requires uncompressed
# nested jars), added in a second --no-compress pass.
FAT="$WORK/fat"; mkdir -p "$FAT/BOOT-INF/classes" "$FAT/BOOT-INF/lib"
cp -R "$OUT/classes/release17/." "$FAT/BOOT-INF/classes/"
cp "$OUT/jars/agent-good.jar" "$OUT/jars/app.jar" "$FAT/BOOT-INF/lib/"
printf -- '- "BOOT-INF/lib/agent-good.jar"\n- "BOOT-INF/lib/app.jar"\n' > "$FAT/BOOT-INF/classpath.idx"
cat > "$WORK/fat-manifest.txt" <<'MF'
Main-Class: org.springframework.boot.loader.JarLauncher
Start-Class: samples.app.CatchThrowablePrints
Spring-Boot-Version: 2.7.0
Spring-Boot-Classes: BOOT-INF/classes/
Spring-Boot-Lib: BOOT-INF/lib/
Spring-Boot-Classpath-Index: BOOT-INF/classpath.idx
MF
(cd "$FAT" && { echo BOOT-INF/classpath.idx; find BOOT-INF/classes -type f | LC_ALL=C sort; } > "$WORK/fat-classes.txt"
 "$JAR" --create --file "$OUT/jars/fat-app.jar" --manifest "$WORK/fat-manifest.txt" --date "$DATE" @"$WORK/fat-classes.txt"
 find BOOT-INF/lib -type f | LC_ALL=C sort > "$WORK/fat-libs.txt"
 "$JAR" --update --no-compress --file "$OUT/jars/fat-app.jar" --date "$DATE" @"$WORK/fat-libs.txt") \
  || die "jar failed for fat-app.jar"

# app.war: servlet layout, everything deflated (jar default): the catch cases (release 17) as
# WEB-INF/classes and app.jar under WEB-INF/lib.
WAR="$WORK/war"; mkdir -p "$WAR/WEB-INF/classes/samples/app" "$WAR/WEB-INF/lib"
for src in "${CATCH_SOURCES[@]}"; do
  base=$(basename "$src" .java)
  cp "$OUT/classes/release17/samples/app/$base"*.class "$WAR/WEB-INF/classes/samples/app/"
done
cp "$OUT/jars/app.jar" "$WAR/WEB-INF/lib/"
printf '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="5.0"/>\n' > "$WAR/WEB-INF/web.xml"
make_jar "$OUT/jars/app.war" "$WAR"

# --- install ------------------------------------------------------------------------------------
rm -rf "$HERE/classes" "$HERE/jars"
mv "$OUT/classes" "$HERE/classes"
mv "$OUT/jars" "$HERE/jars"
(cd "$HERE" && find classes jars -type f | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
echo "build.sh: wrote $(find "$HERE/classes" -name '*.class' | wc -l) class files and $(ls "$HERE/jars" | wc -l) archives; checksums in samples/java/SHA256SUMS"

#!/usr/bin/env bash
# Ground truth for docs/validation.md without BytecodeLint: lists, with `javap -c -p`, every call site
# in an agent jar that constructs a class writer (ASM ClassWriter, any package, and its subclasses'
# super calls), touches Javassist's class-file rebuilding, or calls retransformClasses/redefineClasses.
# Only classes whose bytes mention one of those names are disassembled (javap over a whole 9 MB jar
# is slow on a shared machine).
#   samples/java/measure/agents/javap-facts.sh JAR [OUT_DIR]
# Writes OUT_DIR/<jar>.facts.txt (default: a temp folder, printed). JAVA_HOME selects javap.
set -euo pipefail
export LC_ALL=C
[[ $# -ge 1 ]] || { echo "usage: javap-facts.sh JAR [OUT_DIR]" >&2; exit 2; }
JARFILE=$(readlink -f "$1"); OUT=${2:-$(mktemp -d)}; mkdir -p "$OUT"
JAVAP=${JAVA_HOME:+$JAVA_HOME/bin/}javap
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
# Class files, Lombok's shadow-loaded class files (*.SCL.lombok, class files under another name),
# and the classes of nested jars (lombok/launch/mavenEcjBootstrapAgent.jar) under nested/<jar>/.
(cd "$WORK" && unzip -qq -o "$JARFILE" '*.class' '*.SCL.lombok' 2>/dev/null || true)
find "$WORK" -name '*.SCL.lombok' -exec sh -c 'mv "$1" "${1%.SCL.lombok}.class"' _ {} \;
while IFS= read -r inner; do
  mkdir -p "$WORK/nested/$inner"
  unzip -p "$JARFILE" "$inner" > "$WORK/nested.jar"
  (cd "$WORK/nested/$inner" && unzip -qq -o "$WORK/nested.jar" '*.class' 2>/dev/null || true)
done < <(unzip -Z1 "$JARFILE" '*.jar' 2>/dev/null || true)
PATTERN='ClassWriter|retransformClasses|redefineClasses|addTransformer|rebuildClassFile|setBody|javassist/bytecode/ClassFile'
report="$OUT/$(basename "$JARFILE").facts.txt"
{
  echo "# javap facts for $JARFILE"
  unzip -p "$JARFILE" META-INF/MANIFEST.MF | tr -d '\r' | grep -iE '^(Premain-Class|Agent-Class|Launcher-Agent-Class|Can-Re|Boot-Class-Path)' | sed 's/^/manifest: /' || true
  grep -rlaE "$PATTERN" "$WORK" --include='*.class' | sort | while IFS= read -r cls; do
    "$JAVAP" -c -p "$cls" 2>/dev/null | awk -v cls="${cls#"$WORK"/}" '
      /^[^ ].*(class|interface) / { header = $0 }
      /^  [^ ].*\(.*\)/ { method = $0 }
      /ClassWriter."<init>"|ClassWriter\."<init>"|Method .*ClassWriter\."<init>"|retransformClasses|redefineClasses|addTransformer|rebuildClassFile|CtBehavior.setBody|CtMethod.setBody|CtConstructor.setBody|javassist\/bytecode\/ClassFile.compact|ClassReader\."<init>"/ {
        if (method != last) { print "\n" cls ": " header "\n  " method; last = method }
        # the two instructions before a writer constructor push its ClassReader/flags arguments
        if ($0 ~ /ClassWriter\."<init>"/) { print "    " p2; print "    " p1 }
        print "    " $0
      }
      /^ +[0-9]+: / { p2 = p1; p1 = $0 }'
  done
} > "$report"
echo "$report"

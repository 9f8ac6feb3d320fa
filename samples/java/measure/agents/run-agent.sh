#!/usr/bin/env bash
# Live run of one Debian-packaged agent against the generated target (GenTarget.java) on one JDK:
# HotSpot's constant-pool merge log (-Xlog:redefine+class+constantpool=trace: the
# debug level has the merge lengths, the per-instruction ldc->ldc_w lines are trace) and `jcmd VM.metaspace`
# before and after the agent retransforms. Writes AGENT-JDK.{log,before,after,out} to OUT_DIR and
# prints one summary line. Installs the agent package when missing (apt-get, idempotent).
#
#   samples/java/measure/agents/run-agent.sh byteman|allocation|openjpa|none JAVA_HOME [OUT_DIR]
#
# byteman:    -javaagent:byteman.jar=listener:true; a rule on Target.run is submitted with bmsubmit's
#             Submit client after the class has run, so Byteman retransforms Target once (on request).
# allocation: -javaagent:java-allocation-instrumenter.jar retransforms every class loaded before its
#             premain, once, at start-up; "before" is then the same JVM without the agent (none).
# openjpa:    OpenJpaWriterAgent.java: OpenJPA's serp + AsmAdaptor output path applied to Target on
#             one retransform (on request); the target is compiled --release 8 for xbean's ASM 5.
# none:       the target alone (baseline).
set -euo pipefail
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
AGENT=${1:?agent}; JH=${2:?JAVA_HOME}; OUT=${3:-$(mktemp -d)}; mkdir -p "$OUT"
JDK=$("$JH/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version = /{print $2}')
need() { dpkg -s "$1" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null; }
case $AGENT in
  byteman) need libbyteman-java; AGENT_OPT="-javaagent:/usr/share/java/byteman.jar=listener:true,port:${BYTEMAN_PORT:-19091}" ;;
  allocation) need libjava-allocation-instrumenter-java; AGENT_OPT="-javaagent:/usr/share/java/java-allocation-instrumenter.jar" ;;
  openjpa) need libopenjpa-java
    OJ_CP=/usr/share/java/openjpa.jar:/usr/share/java/serp.jar:/usr/share/java/xbean-asm5-shaded.jar:/usr/share/java/commons-lang.jar
    AGENT_OPT="" ;;   # built below, once WORK exists
  none) AGENT_OPT="" ;;
  *) echo "run-agent.sh: unknown agent $AGENT" >&2; exit 2 ;;
esac
WORK=$(mktemp -d); PID=""
cleanup() { exec 3>&- 2>/dev/null || true; [[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
"$JH/bin/java" "$HERE/GenTarget.java" "$WORK/src"
# --release 17: the agents' shaded ASM (Byteman 4.0.20) cannot read JDK 25's class-file version 69;
# --release 8 for OpenJPA, whose ASM 5 reads nothing newer.
RELEASE=17; [[ $AGENT == openjpa ]] && RELEASE=8
"$JH/bin/javac" --release "$RELEASE" -Xlint:-options -g -d "$WORK/classes" "$WORK/src/agents/target/Target.java"
if [[ $AGENT == openjpa ]]; then
  "$JH/bin/javac" -proc:none -cp "$OJ_CP" -d "$WORK/oj" "$HERE/OpenJpaWriterAgent.java"
  printf 'Premain-Class: agents.openjpa.OpenJpaWriterAgent\nCan-Retransform-Classes: true\nBoot-Class-Path: %s\n' "$(echo "$OJ_CP" | tr ':' ' ')" > "$WORK/oj.mf"
  "$JH/bin/jar" --create --file "$WORK/oj.jar" --manifest "$WORK/oj.mf" -C "$WORK/oj" .
  AGENT_OPT="-javaagent:$WORK/oj.jar=agents.target.Target -Dopenjpa.flag=$WORK/flag"
fi
base="$OUT/$AGENT-$JDK"
mkfifo "$WORK/in"
# shellcheck disable=SC2086 # AGENT_OPT is a list of flags, or nothing
"$JH/bin/java" $AGENT_OPT -XX:MetaspaceSize=1g -Xlog:redefine+class+constantpool=trace:file="$base.log" \
  -cp "$WORK/classes" agents.target.Target < "$WORK/in" > "$base.out" 2>&1 &
PID=$!
exec 3> "$WORK/in"
for _ in $(seq 1 300); do grep -q '^ready' "$base.out" 2>/dev/null && break; sleep 0.2; done
grep -q '^ready' "$base.out" || { cat "$base.out" >&2; echo "run-agent.sh: target did not start" >&2; exit 1; }
used() { "$JH/bin/jcmd" "$PID" VM.metaspace scale=1 > "$1"; }
used "$base.before"
if [[ $AGENT == byteman ]]; then
  printf 'RULE trace run\nCLASS agents.target.Target\nMETHOD run\nAT ENTRY\nIF true\nDO traceln("byteman saw run " + $1)\nENDRULE\n' > "$WORK/rule.btm"
  "$JH/bin/java" -cp /usr/share/java/byteman-submit.jar org.jboss.byteman.agent.submit.Submit \
    -p "${BYTEMAN_PORT:-19091}" -l "$WORK/rule.btm" > "$base.submit" 2>&1
  echo x >&3   # call run() again: the rule prints "byteman saw run 2" once it is in
  for _ in $(seq 1 100); do grep -q 'byteman saw run' "$base.out" && break; sleep 0.2; done
elif [[ $AGENT == openjpa ]]; then
  touch "$WORK/flag"
  for _ in $(seq 1 100); do grep -q 'openjpa writer retransformed' "$base.out" && break; sleep 0.2; done
fi
sleep 1
used "$base.after"
exec 3>&-; wait "$PID" || true; PID=""
# "Both:" under "Total Usage" is the first one; its used bytes are the number before "used".
usedbytes() { awk '/Both:/ { for (i = 2; i <= NF; i++) if ($i ~ /^used/) { print $(i-4); exit } }' "$1"; }
merges=$(grep -c 'old_cp_len=' "$base.log" || true)
widened=$(grep -c 'ldc->ldc_w' "$base.log" || true)
imap=$(grep -o 'merge_cp_len=[0-9]*, index_map_len=[0-9]*' "$base.log" | awk -F'[=,]' '{ m += $4 } END { print m + 0 }' || true)
printf '%s jdk=%s merges=%s widened_ldc=%s index_map_total=%s metaspace_used_before=%s after=%s\n' \
  "$AGENT" "$JDK" "$merges" "$widened" "$imap" "$(usedbytes "$base.before")" "$(usedbytes "$base.after")"

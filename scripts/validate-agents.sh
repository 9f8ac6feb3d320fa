#!/usr/bin/env bash
# Real-agent check: scans the Java agents Debian packages and compares BytecodeLint's findings, per
# agent jar and rule, with docs/validation-expected.tsv (ground truth established without
# BytecodeLint; see docs/validation.md). Meant to be called from .ci/run.
#
#   scripts/validate-agents.sh
#
# BYTECODELINT_CLI: the bytecodelint executable (default: the Release build in artifacts/, built if
# missing). Installs the Debian packages that ship the agents (apt-get, idempotent; needs root
# unless they are already installed).
# Exit 1 when our output for a row differs from the recorded `ours` column (a regression, or a fix:
# then update the TSV and docs/validation.md). Prints
#   agents: N rows, K agree with the truth, D known disagreements
set -euo pipefail
export LC_ALL=C
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EXPECTED=docs/validation-expected.tsv
PACKAGES=(libaspectj-java libbyte-buddy-java libbyteman-java libeclipselink-java libh2-java
  libjava-allocation-instrumenter-java liblombok-java libopenjpa-java libspring-instrument-java libjacoco-java)

missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  echo "validate-agents: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi

CLI=${BYTECODELINT_CLI:-artifacts/bin/BytecodeLint.Cli/release/bytecodelint}
if [[ ! -x "$CLI" ]]; then
  dotnet build -c Release src/BytecodeLint.Cli -v quiet -nologo >/dev/null
fi
[[ -x "$CLI" ]] || { echo "validate-agents: error: no CLI at $CLI" >&2; exit 1; }

WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
# One scan per jar; the rule ids it reported, one per line.
while IFS= read -r jar; do
  [[ -f "$jar" ]] || { echo "validate-agents: error: $jar is missing after the install" >&2; exit 1; }
  key=$(printf '%s' "$jar" | tr '/' '_')
  "$CLI" scan "$jar" --format "json=$WORK/$key.json" --fail-on never -v quiet
  # A rule counts as present when it reported the hazard; BL0105's request-driven notes (a server loop
  # that retransforms once per command, requestDriven = 1) say the hazard is absent, so they do not count.
  python3 -c 'import json,sys
for d in json.load(open(sys.argv[1]))["diagnostics"]:
    if d["id"] == "BL0105" and d.get("properties", {}).get("requestDriven") == 1: continue
    print(d["id"])' "$WORK/$key.json" | sort -u > "$WORK/$key.ids"
done < <(grep -v '^#' "$EXPECTED" | cut -f1 | sort -u)

rows=0 agree=0 known=0 changed=0
while IFS=$'\t' read -r jar rule truth recorded; do
  [[ -z "$jar" || "$jar" == \#* ]] && continue
  key=$(printf '%s' "$jar" | tr '/' '_')
  if grep -qx "$rule" "$WORK/$key.ids"; then now=present; else now=absent; fi
  rows=$((rows + 1))
  [[ "$now" == "$truth" ]] && agree=$((agree + 1))
  [[ "$recorded" != "$truth" ]] && known=$((known + 1))
  if [[ "$now" != "$recorded" ]]; then
    changed=$((changed + 1))
    if [[ "$now" == "$truth" ]]; then what="now agrees with the truth (a fix: update $EXPECTED and docs/validation.md)"
    else what="now disagrees with the truth (regression)"; fi
    echo "validate-agents: CHANGED $jar $rule: recorded $recorded, now $now; truth $truth: $what"
  fi
done < "$EXPECTED"

echo "agents: $rows rows, $agree agree with the truth, $known known disagreements"
((rows > 0)) || { echo "validate-agents: error: no rows in $EXPECTED" >&2; exit 1; }
((changed == 0)) || { echo "validate-agents: $changed row(s) changed from $EXPECTED"; exit 1; }

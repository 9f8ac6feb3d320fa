#!/usr/bin/env bash
# Behaviour check for refactorings: scans the corpus (or the given inputs) with two bytecodelint builds and
# compares their findings one by one (rule, location, message; severities and other fields listed apart).
#
# Usage: scripts/compare-findings.sh OLD_CLI NEW_CLI [INPUT...]
#   OLD_CLI, NEW_CLI: bytecodelint executables (e.g. a build of the previous commit copied to /tmp).
#   INPUT...: default every line of ${BYTECODELINT_CORPUS:-/var/tmp/bytecodelint-corpus}/inputs.txt
#             (scripts/conformance.sh installs the corpus).
# Prints the counts per rule for both, the findings only one of them has, and changed fields; prints the
# wall time of each scan on stderr. Exit 0 always: reading the difference is the point.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 2 ]] || { echo "usage: $0 OLD_CLI NEW_CLI [INPUT...]" >&2; exit 2; }
old=$1 new=$2; shift 2
if (( $# > 0 )); then inputs=("$@"); else
  mapfile -t inputs < <(grep -v '^[[:space:]]*$' "${BYTECODELINT_CORPUS:-/var/tmp/bytecodelint-corpus}/inputs.txt")
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for side in old new; do
  cli=${!side}
  start=$(date +%s.%N)
  "$cli" scan "${inputs[@]}" --format json --no-global-config --fail-on never > "$work/$side.json" 2>"$work/$side.err" || true
  echo "$side: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s" >&2
done
python3 "$REPO/scripts/compare_findings.py" "$work/old.json" "$work/new.json"

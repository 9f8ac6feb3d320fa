#!/usr/bin/env bash
# Benchmark at scale: one `bytecodelint scan` (all rules, JSON report) over the first N jars under
# /usr/share/java, for growing N, to show that peak memory does not grow with the number of inputs
# and to report throughput in MB/s of class bytes. Prints a Markdown table: inputs, class entries,
# class MB (uncompressed, from the report's inputs[].classBytes), wall, user+sys CPU, MB/s of wall,
# MB/s per CPU second, peak RSS (GNU time).
#
# Usage: scripts/bench-scale.sh [-s "50 100 200 400 all"] [-n RUNS] [-o TABLE.md] [-r] [-c] [-k DIR]
#   -s  the N to measure ("all" = every jar); default "50 100 200 400 all"
#   -n  runs per N (median wall and CPU, highest peak RSS); default 1
#   -r  take the jars in reverse order (the largest ones then come in at a different N)
#   -c  also put four broken inputs among the jars (a truncated zip, a text file named .jar, a jar whose
#       class entries are damaged, a dangling symlink) and check that each gets its diagnostic and the
#       rest is still scanned
#   -k  keep each N's JSON report in DIR (report-N.json) instead of discarding it
# Jars: every *.jar under /usr/share/java (BYTECODELINT_JARS_ROOT), symlinks resolved and deduplicated by
# real path, sorted (byte order), so a given N is the same set on every run and machine with the same packages.
# CLI: BYTECODELINT_CLI=PATH (e.g. "dotnet path/to/bytecodelint.dll"), else this tree's Release build
# (dotnet build src/BytecodeLint.Cli -c Release; artifacts$BL_BUILD_SLOT/bin/BytecodeLint.Cli/release).
# Needs GNU time (apt-get install time) and python3. Wall times are only comparable on a quiet machine;
# user+sys CPU is printed as well because it moves less when other work shares the cores.
# This is the at-scale companion of scripts/bench.sh (docs/performance.md, "At scale").
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="${BYTECODELINT_JARS_ROOT:-/usr/share/java}"
sizes="50 100 200 400 all" runs=1 out="" reverse=0 corrupt=0 keep=""
while getopts "s:n:o:rck:" opt; do
  case $opt in
    s) sizes=$OPTARG ;; n) runs=$OPTARG ;; o) out=$OPTARG ;; r) reverse=1 ;; c) corrupt=1 ;; k) keep=$OPTARG ;;
    *) exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "GNU time missing (apt-get install time)" >&2; exit 2; }

if [[ -n "${BYTECODELINT_CLI:-}" ]]; then
  read -r -a cli <<< "$BYTECODELINT_CLI"
else
  dotnet build "$REPO/src/BytecodeLint.Cli" -c Release -v quiet -nologo >&2
  cli=("$REPO/artifacts${BL_BUILD_SLOT:-}/bin/BytecodeLint.Cli/release/bytecodelint")
fi

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
[[ -n "$keep" ]] && mkdir -p "$keep"
mapfile -d '' -t jars < <(find "$ROOT" -name '*.jar' \( -type f -o -type l \) -print0 | xargs -0 -r realpath -z -e 2>/dev/null | LC_ALL=C sort -zu)
(( reverse )) && mapfile -t jars < <(printf '%s\n' "${jars[@]}" | tac)
(( ${#jars[@]} > 0 )) || { echo "no jars under $ROOT" >&2; exit 2; }

broken=()
if (( corrupt )); then
  # Built here from nothing (no bytes of any real archive): each must cost exactly its own diagnostic.
  python3 - "$work/broken" <<'PY'
import io, os, sys, zipfile
d = sys.argv[1]; os.makedirs(d)
def jar(entries):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries: z.writestr(name, data)
    return b.getvalue()
whole = jar([("a/A%d.class" % i, b"\xca\xfe\xba\xbe" + bytes(range(256)) * 8) for i in range(20)])
open(f"{d}/broken-truncated.jar", "wb").write(whole[: len(whole) // 2])          # no central directory
open(f"{d}/broken-text.jar", "w").write("this is not a zip archive\n")
open(f"{d}/broken-entries.jar", "wb").write(jar([("a/NotAClass.class", b"not a class file"),
                                                 ("a/Short.class", b"\xca\xfe\xba\xbe\x00")]))
os.symlink(f"{d}/does-not-exist.jar", f"{d}/broken-dangling.jar")
PY
  broken=("$work/broken/broken-truncated.jar" "$work/broken/broken-text.jar" "$work/broken/broken-entries.jar" "$work/broken/broken-dangling.jar")
fi

echo "| N | inputs | class entries | class MB | wall | user+sys | MB/s (wall) | MB/s per CPU s | peak RSS |" > "$work/table"
echo "|---|---|---|---|---|---|---|---|---|" >> "$work/table"
for size in $sizes; do
  n=$(( ${#jars[@]} ))
  [[ "$size" != all ]] && (( size < n )) && n=$size
  inputs=("${jars[@]:0:n}")
  if (( ${#broken[@]} )); then   # spread through the list: first, two in the middle, last
    inputs=("${broken[0]}" "${inputs[@]:0:n/2}" "${broken[1]}" "${broken[2]}" "${inputs[@]:n/2}" "${broken[3]}")
  fi
  report="$work/report.json"
  for (( run = 1; run <= runs; run++ )); do
    status=0
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.$run" "${cli[@]}" scan "${inputs[@]}" --format json --output "$report" \
      --fail-on never --no-global-config -v q 2>"$work/stderr" || status=$?
    # 2 is expected only when broken inputs were added (unreadable top-level inputs); anything else is a failure.
    if (( status != 0 && !(status == 2 && ${#broken[@]} > 0) )); then
      echo "scan of $n jars failed (exit $status):" >&2; cat "$work/stderr" >&2; exit 1
    fi
  done
  [[ -n "$keep" ]] && cp "$report" "$keep/report-$size.json"
  python3 - "$size" "$report" "$runs" "$work" "${#broken[@]}" "${broken[@]}" >> "$work/table" <<'PY'
import json, statistics, sys
size, report, runs, work, nbroken = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
broken = sys.argv[6:6 + nbroken]
times = [list(map(float, open(f"{work}/time.{r}").read().split()[-4:])) for r in range(1, runs + 1)]
wall = statistics.median(t[0] for t in times)
cpu = statistics.median(t[1] + t[2] for t in times)
rss = max(t[3] for t in times) / 1024
doc = json.load(open(report))
inputs = doc["inputs"]
mb = sum(i["classBytes"] for i in inputs) / 1e6
entries = sum(i["classEntries"] for i in inputs)
if broken:
    # The run goes on past each broken input, and each one says what is wrong with it.
    errors = {e["path"] for e in doc["inputErrors"]}
    expected_errors = {b for b in broken if "entries" not in b}
    assert errors == expected_errors, f"input errors {sorted(errors)}, expected {sorted(expected_errors)}"
    damaged = [d for d in doc["diagnostics"] if d["id"] == "BL9001" and "broken-entries" in d["location"]["artifact"]]
    assert len(damaged) == 2, f"broken-entries.jar: {len(damaged)} BL9001, expected 2"
    with open(f"{work}/notes", "a") as notes:
        notes.write(f"N = {size}: the {len(broken)} broken inputs gave {len(errors)} input errors and {len(damaged)} BL9001 "
                    f"(as expected) and the other {len(inputs) - 1} inputs were scanned.\n")
print(f"| {size} | {len(inputs)} | {entries:,} | {mb:,.1f} | {wall:.2f} s | {cpu:.2f} s | {mb / wall:.1f} | {mb / cpu:.1f} | {rss:.0f} MB |")
PY
done
# Standard output unless -o: a redirect to /dev/stdout would truncate a file the caller is appending to.
if [[ -n "$out" ]]; then exec 3>"$out"; else exec 3>&1; fi
{
  cat "$work/table"
  echo
  [[ -f "$work/notes" ]] && { cat "$work/notes"; echo; }
  echo "CLI: ${cli[*]}. Jars: the first N of ${#jars[@]} real paths under $ROOT ($( (( reverse )) && echo reverse || echo byte) order)$( (( ${#broken[@]} )) && echo ", plus ${#broken[@]} broken inputs")."
  echo "$runs run(s) per N (median wall and CPU, highest RSS), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average at the end $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)."
} >&3

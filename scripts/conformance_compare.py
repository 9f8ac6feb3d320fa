#!/usr/bin/env python3
"""Compare `bytecodelint inspect --format json` with PeerScan's TSV, field by field.

    conformance_compare.py PEER.tsv OURS.json     one line per input (OK / MISMATCH ...), then TOTAL,
                                                  then "conformance: N passed, M failed"; exit 1 on
                                                  any mismatch, 2 on unreadable input
    conformance_compare.py --to-json PEER.tsv     print PeerScan's TSV in the inspect JSON shape
                                                  (to test this comparer without bytecodelint)

Inputs are matched by path exactly as given on both command lines; TOTAL (PeerScan's last row,
the JSON's "total") counts as one more row. Column meanings: ../shared/bench/README.md.
Standard library only.
"""
import csv
import json
import sys

# PeerScan column -> path of the field in an inspect input object. Kept in README table order.
FIELDS = [
    ("class_entries", "classEntries"),
    ("classes", "classes"),
    ("parse_errors", "parseErrors"),
    ("class_bytes", "classBytes"),
    ("nested_jars", "nestedJars"),
    ("versioned_classes", "versionedClasses"),
    ("min_major", "minMajor"),
    ("max_major", "maxMajor"),
    ("methods", "methods"),
    ("methods_with_code", "methodsWithCode"),
    ("thr_methods", "throwableHandlerMethods"),
    ("thr_handlers", "throwableHandlers"),
    ("ldc", "ldc"),
    ("ldc_w", "ldcW"),
    ("ldc2_w", "ldc2W"),
    ("smt_methods_gt16k", "stackMapTablesOver16K"),
    ("smt_max_len", "maxStackMapTableLength"),
    ("cp_gt256_classes", "constantPoolsOver256"),
    ("cw_I_sites", "classWriterSites.int"),
    ("cw_CR_sites", "classWriterSites.reader"),
    ("cw_new_I_sites", "classWriterSites.newInt"),
    ("cw_new_CR_sites", "classWriterSites.newReader"),
    ("cw_I_classes", "classWriterSites.intClasses"),
    ("cw_CR_classes", "classWriterSites.readerClasses"),
    ("cw_new_I_classes", "classWriterSites.newIntClasses"),
    ("cw_new_CR_classes", "classWriterSites.newReaderClasses"),
    ("thr_line_hash", "throwableHandlerLineHash"),
]
HASH_COLUMN = "thr_line_hash"
MISSING = object()


class InputError(Exception):
    pass


def read_peer(path):
    """PeerScan TSV -> list of (input, {column: value}) in file order, TOTAL last."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}")
    if not rows or rows[0][:1] != ["input"]:
        raise InputError(f"{path}: not PeerScan output (no 'input' header line)")
    header = rows[0]
    missing = [column for column, _ in FIELDS if column not in header]
    if missing:
        raise InputError(f"{path}: PeerScan header lacks {', '.join(missing)}")
    result = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise InputError(f"{path}:{number}: {len(row)} columns, header has {len(header)}")
        values = dict(zip(header, row))
        for column, _ in FIELDS:
            if column == HASH_COLUMN:
                values[column] = values[column].lower()
            else:
                try:
                    values[column] = int(values[column])
                except ValueError:
                    raise InputError(f"{path}:{number}: {column} is not an integer: {values[column]!r}")
        result.append((values["input"], values))
    if not result or result[-1][0] != "TOTAL":
        raise InputError(f"{path}: no TOTAL row at the end (PeerScan did not finish?)")
    return result


def read_ours(path):
    """inspect JSON -> ({path: input object}, total object)."""
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}")
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: not JSON: {e}")
    if not isinstance(document, dict) or not isinstance(document.get("inputs"), list) \
            or not isinstance(document.get("total"), dict):
        raise InputError(f"{path}: expected an object with 'inputs' (array) and 'total' (object)")
    by_path = {}
    for entry in document["inputs"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise InputError(f"{path}: an inputs[] element has no string 'path'")
        if entry["path"] in by_path:
            raise InputError(f"{path}: input {entry['path']!r} listed twice")
        by_path[entry["path"]] = entry
    return by_path, document["total"]


def lookup(obj, dotted):
    for part in dotted.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return MISSING
        obj = obj[part]
    return obj


def normalize(column, value):
    """Our value in PeerScan's terms (hash case-insensitive); a wrong type stays as-is and so mismatches."""
    if column == HASH_COLUMN and isinstance(value, str):
        return value.lower()
    return value


def compare_row(peer, ours):
    """List of 'field: bytecodelint=X peerscan=Y' differences."""
    diffs = []
    for column, field in FIELDS:
        mine = lookup(ours, field)
        theirs = peer[column]
        if mine is MISSING:
            diffs.append(f"{field} ({column}): bytecodelint=<missing> peerscan={theirs}")
        # bool is an int subclass in Python: true must not pass for 1.
        elif isinstance(mine, bool) or normalize(column, mine) != theirs:
            diffs.append(f"{field} ({column}): bytecodelint={json.dumps(mine)} peerscan={theirs}")
    return diffs


def compare(peer_path, ours_path, out=sys.stdout):
    peer_rows = read_peer(peer_path)
    ours_by_path, ours_total = read_ours(ours_path)
    passed = failed = 0
    seen = set()
    for name, peer in peer_rows:
        if name == "TOTAL":
            ours = ours_total
        else:
            ours = ours_by_path.get(name)
            seen.add(name)
        if ours is None:
            print(f"MISMATCH {name}: missing from bytecodelint output", file=out)
            failed += 1
            continue
        diffs = compare_row(peer, ours)
        if diffs:
            print(f"MISMATCH {name}: " + "; ".join(diffs), file=out)
            failed += 1
        else:
            print(f"OK {name}", file=out)
            passed += 1
    for name in ours_by_path:
        if name not in seen:
            print(f"MISMATCH {name}: missing from PeerScan output", file=out)
            failed += 1
    print(f"conformance: {passed} passed, {failed} failed", file=out)
    return failed == 0


def to_json(peer_path):
    """PeerScan's TSV reshaped as inspect output; lets the comparer be tested without bytecodelint."""
    def shape(name, values):
        obj = {"path": name}
        for column, field in FIELDS:
            target = obj
            parts = field.split(".")
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = values[column]
        obj["problems"] = []
        return obj

    rows = read_peer(peer_path)
    document = {
        "tool": "peerscan-as-bytecodelint",
        "version": "0",
        "inputs": [shape(name, values) for name, values in rows if name != "TOTAL"],
        "total": shape("TOTAL", rows[-1][1]),
    }
    json.dump(document, sys.stdout, indent=2)
    print()


def main(argv):
    try:
        if len(argv) == 3 and argv[1] == "--to-json":
            to_json(argv[2])
            return 0
        if len(argv) != 3 or argv[1].startswith("-"):
            print(__doc__.strip(), file=sys.stderr)
            return 2
        return 0 if compare(argv[1], argv[2]) else 1
    except InputError as e:
        print(f"conformance_compare: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

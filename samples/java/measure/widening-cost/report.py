#!/usr/bin/env python3
"""Joins measure-widening.sh's measurements with each pair's components and with
`bytecodelint simulate ORIGINAL TRANSFORMED --jdk N --format json`; prints the markdown tables of
samples/java/measure/results/widening-cost.md and a least-squares fit of bytes per clone.

    report.py MEASURED.tsv PAIRS_DIR BYTECODELINT

Components are read from the transformed class (the method HotSpot clones is the scratch one) by
the small class-file reader below, independent of BytecodeLint."""
import json, struct, subprocess, sys, collections

def method_parts(path, wanted="run"):
    b = open(path, "rb").read()
    pos = 8
    (count,) = struct.unpack_from(">H", b, pos); pos += 2
    utf8 = {}
    i = 1
    while i < count:
        tag = b[pos]; pos += 1
        if tag == 1:
            (n,) = struct.unpack_from(">H", b, pos); utf8[i] = b[pos + 2:pos + 2 + n].decode("utf-8", "replace"); pos += 2 + n
        elif tag in (3, 4, 9, 10, 11, 12, 17, 18): pos += 4
        elif tag in (5, 6): pos += 8; i += 1
        elif tag in (7, 8, 16, 19, 20): pos += 2
        elif tag == 15: pos += 3
        else: raise ValueError(f"tag {tag}")
        i += 1
    pos += 6
    (ni,) = struct.unpack_from(">H", b, pos); pos += 2 + 2 * ni
    def attrs(pos):
        (na,) = struct.unpack_from(">H", b, pos); pos += 2
        out = []
        for _ in range(na):
            name_i, length = struct.unpack_from(">HI", b, pos); pos += 6
            out.append((utf8[name_i], pos, length)); pos += length
        return out, pos
    for kind in range(2):
        (nm,) = struct.unpack_from(">H", b, pos); pos += 2
        for _ in range(nm):
            _, name_i, _ = struct.unpack_from(">HHH", b, pos); pos += 6
            a, pos = attrs(pos)
            if kind == 1 and utf8[name_i] == wanted:
                parts = collections.Counter()
                for name, p, length in a:
                    if name == "Code":
                        (code_len,) = struct.unpack_from(">I", b, p + 4)
                        parts["code"] = code_len
                        q = p + 8 + code_len
                        (ne,) = struct.unpack_from(">H", b, q)
                        parts["exc"] = ne
                        sub, _ = attrs(q + 2 + 8 * ne)
                        for sname, sp, slen in sub:
                            if sname == "StackMapTable": parts["smt"] = slen
                            if sname == "LineNumberTable": parts["lnt"] = struct.unpack_from(">H", b, sp)[0]
                            if sname == "LocalVariableTable": parts["lvt"] = struct.unpack_from(">H", b, sp)[0]
                    elif "Annotations" in name:
                        parts["annot"] += length
                return parts
    raise ValueError(f"no method {wanted} in {path}")

def lstsq(X, y):
    """Least squares by the normal equations (7 unknowns; no numpy on the team machines).
    Columns that are zero in every row get coefficient 0."""
    n = len(X[0])
    live = [k for k in range(n) if any(row[k] for row in X)]
    A = [[sum(r[i] * r[j] for r in X) for j in live] + [sum(r[i] * t for r, t in zip(X, y))] for i in live]
    m = len(live)
    for c in range(m):
        piv = max(range(c, m), key=lambda r: abs(A[r][c]))
        A[c], A[piv] = A[piv], A[c]
        for r in range(m):
            if r != c and A[c][c]:
                f = A[r][c] / A[c][c]
                A[r] = [a - f * b for a, b in zip(A[r], A[c])]
    coef = [0.0] * n
    for idx, k in enumerate(live):
        coef[k] = A[idx][m] / A[idx][idx]
    return coef

CHUNK = 65536

def quantize(x):
    """Metaspace taken by one allocation of x bytes when every clone is allocated anew: up to 16 KiB,
    whole clones are packed into 64 KiB chunks; up to 32 KiB, each takes 32 KiB; above, whole 64 KiB."""
    if x <= 16384:
        return CHUNK / (CHUNK // x)
    if x <= 32768:
        return 32768
    return -(-x // CHUNK) * CHUNK

def model(p, w):
    """Proposed bytes per cloned method: the ConstMethod+Method (header, code grown by W/2 on
    average, 8 B per exception entry, 12 B per LVT entry, ~1 B per compressed LNT entry), the
    StackMapTable copy and each annotation array, each allocation quantized by the chunk geometry."""
    const_method = 150 + p["code"] + w / 2 + 8 * p["exc"] + 12 * p["lvt"] + p["lnt"]
    pieces = [const_method]
    if p["smt"]:
        pieces.append(p["smt"] + 8)
    if p["annot"]:
        pieces += [p["annot"] / 2 + 8] * 2   # method + parameter annotations, equal halves in these cases
    return sum(quantize(int(x)) for x in pieces)

def main():
    measured, pairs, cli = sys.argv[1:4]
    rows = [l.rstrip("\n").split("\t") for l in open(measured) if not l.startswith("case\t")]
    by = {}
    for name, jdk, mode, w, im, mx, jc in rows:
        by.setdefault((name, jdk), {})[mode] = (int(w), int(jc), int(mx))
    cases = [l.split("\t")[0] for l in open(f"{pairs}/cases.tsv") if not l.startswith("case\t")]
    jdks = sorted({j for _, j in by})
    print("| case | code B | SMT B | exc entries | LNT entries | LVT entries | annotations B | W (log) | methods cloned | " +
          " | ".join(f"JDK {j}: widening cost B (retransform − control)" for j in jdks) + " | " +
          " | ".join(f"simulate --jdk {j.split('.')[0]} estimatedBytes (ratio est/measured)" for j in jdks) + " |")
    print("|" + "---|" * (9 + 2 * len(jdks)))
    fitrows = []
    for c in cases:
        p = method_parts(f"{pairs}/{c}/transformed.class")
        cells = [c, p["code"], p["smt"], p["exc"], p["lnt"], p["lvt"], p["annot"]]
        ws = {by[(c, j)]["transformed"][0] for j in jdks}
        cells += ["/".join(map(str, sorted(ws))), 1]
        costs = []
        for j in jdks:
            t, k = by[(c, j)]["transformed"], by[(c, j)]["control"]
            cost = t[1] - k[1]
            costs.append(cost)
            fitrows.append((j, c, p, t[0], cost))
        sims = []
        for j, cost in zip(jdks, costs):
            out = subprocess.run([cli, "simulate", f"{pairs}/{c}/original.class", f"{pairs}/{c}/transformed.class",
                                  "--jdk", j.split(".")[0], "--format", "json"], capture_output=True, text=True, check=True).stdout
            est = json.loads(out)["estimatedBytes"]
            sims.append(f"{est:,} ({est / cost:.2f})")
        print("| " + " | ".join(str(x) for x in cells) + " | " + " | ".join(f"{x:,}" for x in costs) + " | " + " | ".join(sims) + " |")
    # per-clone bytes: cost / W, fitted per JDK as a + b·code + c·SMT + d·exc + e·LNT + f·LVT + g·annot
    print()
    for j in jdks:
        X, y = [], []
        for jj, c, p, w, cost in fitrows:
            if jj != j or w == 0: continue
            X.append([1, p["code"], p["smt"], p["exc"], p["lnt"], p["lvt"], p["annot"]]); y.append(cost / w)
        coef = lstsq(X, y)
        pred = [sum(a * b for a, b in zip(row, coef)) for row in X]
        err = max(abs(pr - yy) / yy for pr, yy in zip(pred, y))
        print(f"JDK {j}: bytes per clone ≈ {coef[0]:.0f} + {coef[1]:.2f}·code + {coef[2]:.3f}·SMT + {coef[3]:.2f}·exc"
              f" + {coef[4]:.2f}·LNT + {coef[5]:.2f}·LVT + {coef[6]:.2f}·annot  (max error {err:.1%} over {len(y)} cases)")
    print()
    print("| case | measured B per clone (JDK 17 / 25) | linear fit | chunk model | model error |")
    print("|---|---|---|---|---|")
    for c in cases:
        r = {j: next(x for x in fitrows if x[0] == j and x[1] == c) for j in jdks}
        per = [r[j][4] / r[j][3] for j in jdks]
        p, w = r[jdks[0]][2], r[jdks[0]][3]
        lin = sum(a * b for a, b in zip([1, p["code"], p["smt"], p["exc"], p["lnt"], p["lvt"], p["annot"]], coef))
        m = model(p, w)
        print(f"| {c} | {' / '.join(f'{x:,.0f}' for x in per)} | {lin:,.0f} | {m:,.0f} | {(m - per[0]) / per[0]:+.0%} |")

main()

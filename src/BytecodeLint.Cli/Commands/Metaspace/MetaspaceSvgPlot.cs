using System.Globalization;
using System.Security;
using System.Text;
using BytecodeLint.Metaspace.Analysis;
using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Cli.Commands.Metaspace;

/// <summary>
/// Draws the diagnosis as a self-contained SVG: Metaspace used (filled) and committed, class space,
/// Metaspace-triggered collections, the fitted law extended to the limit, the limit line and the OOM.
/// Written by hand (no package) so the output is small, deterministic and readable in any browser.
/// </summary>
internal static class MetaspaceSvgPlot
{
    private const int Width = 1100, Height = 640;
    private const double Left = 92, Top = 112, Right = 820, Bottom = 556;
    private const int MaxPointsPerSeries = 1500;

    private const string UsedColor = "#1f6fb4", CommittedColor = "#f28e2b", ClassColor = "#3a9a4a", FitColor = "#7b3fa0",
        LimitColor = "#d62728", DeallocatedColor = "#9c4f96", GcColor = "#8c564b", GridColor = "#e6e6e6", AxisColor = "#555", TextColor = "#222", MutedColor = "#666";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(MetaspaceDiagnosis d)
    {
        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif\">\n");
        svg.Append(Inv, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n");
        WriteTitle(svg, d);

        var points = d.Series.OrderBy(p => p.X).ToList();
        if (points.Count == 0)
        {
            Text(svg, (Left + Right) / 2, (Top + Bottom) / 2, "No Metaspace readings in the input", 16, MutedColor, "middle");
            svg.Append("</svg>\n");
            return svg.ToString();
        }

        var (unit, divisor) = ChooseUnit(points, d.Limit.LimitBytes);
        var x = XScale(d, points);
        var y = YScale(d, points, x, divisor);
        WriteGrid(svg, d, x, y, unit);

        var fitEnd = FitEnd(d, points, x);
        WriteLimit(svg, d, x, y, divisor);
        WriteUsed(svg, points, x, y, divisor);
        WriteLine(svg, points.Where(p => p.Sample.CommittedBytes != null).Select(p => (p.X, (double)p.Sample.CommittedBytes!.Value)), x, y, divisor, CommittedColor, 1.8, "7 4", "committed");
        WriteLine(svg, points.Where(p => p.Sample.DeallocatedBytes != null).Select(p => (p.X, (double)p.Sample.DeallocatedBytes!.Value)), x, y, divisor, DeallocatedColor, 2, "3 3", "deallocated");
        WriteLine(svg, points.Where(p => p.Sample.ClassUsedBytes != null).Select(p => (p.X, (double)p.Sample.ClassUsedBytes!.Value)), x, y, divisor, ClassColor, 1.8, null, "class-space-used");
        WriteFit(svg, d, points, x, y, divisor, fitEnd);
        WriteGcMarkers(svg, d, points, x, y, divisor);
        WriteOom(svg, d, x, y);
        WriteSnapshotLabels(svg, points, x, y, divisor);
        WriteLegend(svg, d, points, unit);
        Text(svg, 20, Height - 14, "bytecodelint metaspace · " + string.Join(", ", d.Sources.Select(Path.GetFileName)), 11, MutedColor, "start");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void WriteTitle(StringBuilder svg, MetaspaceDiagnosis d)
    {
        var verdict = d.Verdict switch
        {
            LeakVerdict.Leak => ("Metaspace leak", LimitColor),
            LeakVerdict.NoLeak => ("No Metaspace leak", ClassColor),
            _ => ("Metaspace: inconclusive", MutedColor),
        };
        var source = d.Sources.Count == 0 ? "" : Path.GetFileName(d.Sources[0]) + (d.Sources.Count > 1 ? $" + {d.Sources.Count - 1} more" : "");
        svg.Append(Inv, $"<text x=\"{Left}\" y=\"38\" font-size=\"21\" font-weight=\"bold\" fill=\"{verdict.Item2}\">{Esc(verdict.Item1)}<tspan fill=\"{TextColor}\" font-weight=\"normal\"> — {Esc(Shorten(source, 62 - verdict.Item1.Length))}</tspan></text>\n");
        // The headline without its verdict word, wrapped on its "; " joints.
        var headline = d.Headline;
        var colon = headline.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && colon < 14)
            headline = headline[(colon + 2)..];
        var lines = Wrap(Capitalize(headline).Split("; "), 118).Take(3).ToList();
        for (var i = 0; i < lines.Count; i++)
            Text(svg, Left, 62 + i * 18, lines[i], 13.5, "#444", "start");
    }

    private static (string Unit, double Divisor) ChooseUnit(IReadOnlyList<SeriesPoint> points, long? limit)
    {
        var max = Math.Max(points.Max(p => Math.Max(p.Sample.UsedBytes, p.Sample.CommittedBytes ?? 0)), limit ?? 0);
        return max >= 4.0 * (1L << 30) ? ("GB", 1L << 30) : max >= 2.0 * (1L << 20) ? ("MB", 1L << 20) : ("KB", 1L << 10);
    }

    private static MetaspacePlotScale XScale(MetaspaceDiagnosis d, IReadOnlyList<SeriesPoint> points)
    {
        var min = points[0].X;
        var max = points[^1].X;
        if (d.XAxis is XAxisKind.Retransforms or XAxisKind.UptimeSeconds or XAxisKind.WallClockSeconds)
            min = Math.Min(0, min);
        if (d.Limit.OomX is { } oom)
            max = Math.Max(max, oom);
        // Show the projected crossing when it is within half the observed range again.
        if (d.Limit.ProjectedX is { } p && p <= max + 0.5 * (max - min))
            max = Math.Max(max, p);
        if (d.XAxis == XAxisKind.SampleNumber)
            return MetaspacePlotScale.Fixed(0.5, points.Count + 0.5, MetaspacePlotScale.NiceStep(Math.Max(1, points.Count / 7.0)), Left, Right);
        return new MetaspacePlotScale(min, max, Left, Right, 7, minStep: d.XAxis is XAxisKind.SampleNumber or XAxisKind.Retransforms ? 1 : 0);
    }

    private static MetaspacePlotScale YScale(MetaspaceDiagnosis d, IReadOnlyList<SeriesPoint> points, MetaspacePlotScale x, double divisor)
    {
        var max = points.Max(p => Math.Max(p.Sample.UsedBytes, p.Sample.CommittedBytes ?? 0));
        if (d.Limit.LimitBytes is { } limit)
            max = Math.Max(max, limit);
        return new MetaspacePlotScale(0, max * 1.06 / divisor, Bottom, Top, 6);
    }

    private static void WriteGrid(StringBuilder svg, MetaspaceDiagnosis d, MetaspacePlotScale x, MetaspacePlotScale y, string unit)
    {
        svg.Append("<g id=\"grid\">\n");
        foreach (var t in y.Ticks())
        {
            var py = y[t];
            svg.Append(Inv, $"<line x1=\"{Left}\" y1=\"{F(py)}\" x2=\"{Right}\" y2=\"{F(py)}\" stroke=\"{GridColor}\" stroke-width=\"1\"/>\n");
            Text(svg, Left - 8, py + 4.5, FormatTick(t, y.Step), 12.5, AxisColor, "end");
        }
        var names = ReadingNames(d);
        foreach (var t in x.Ticks())
        {
            var px = x[t];
            svg.Append(Inv, $"<line x1=\"{F(px)}\" y1=\"{Top}\" x2=\"{F(px)}\" y2=\"{Bottom}\" stroke=\"{GridColor}\" stroke-width=\"1\"/>\n");
            var label = names != null && t >= 1 && t <= names.Count ? names[(int)t - 1] : FormatTick(t, x.Step);
            Text(svg, px, Bottom + 20, label, 12.5, AxisColor, "middle");
        }
        svg.Append(Inv, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Right - Left}\" height=\"{Bottom - Top}\" fill=\"none\" stroke=\"{AxisColor}\" stroke-width=\"1\"/>\n");
        Text(svg, (Left + Right) / 2, Bottom + 46, names != null ? "Reading" : Capitalize(d.XLabel), 14, TextColor, "middle");
        svg.Append(Inv, $"<text transform=\"translate(28 {F((Top + Bottom) / 2)}) rotate(-90)\" font-size=\"14\" fill=\"{TextColor}\" text-anchor=\"middle\">Metaspace ({unit})</text>\n");
        svg.Append("</g>\n");
    }

    private static void WriteUsed(StringBuilder svg, IReadOnlyList<SeriesPoint> points, MetaspacePlotScale x, MetaspacePlotScale y, double divisor)
    {
        var used = Thin(points.Select(p => (p.X, (double)p.Sample.UsedBytes)).ToList());
        var path = string.Join(" ", used.Select(p => $"{F(x[p.X])},{F(y[p.Y / divisor])}"));
        svg.Append("<g id=\"used\">\n");
        svg.Append(Inv, $"<polygon points=\"{F(x[used[0].X])},{F(Bottom)} {path} {F(x[used[^1].X])},{F(Bottom)}\" fill=\"{UsedColor}\" fill-opacity=\"0.13\" stroke=\"none\"/>\n");
        svg.Append(Inv, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{UsedColor}\" stroke-width=\"2.4\" stroke-linejoin=\"round\"/>\n");
        if (used.Count <= 200)
        {
            foreach (var p in used)
                svg.Append(Inv, $"<circle cx=\"{F(x[p.X])}\" cy=\"{F(y[p.Y / divisor])}\" r=\"2.8\" fill=\"{UsedColor}\"/>\n");
        }
        svg.Append("</g>\n");
    }

    private static void WriteLine(StringBuilder svg, IEnumerable<(double X, double Y)> values, MetaspacePlotScale x, MetaspacePlotScale y, double divisor,
        string color, double width, string? dash, string id)
    {
        var list = Thin(values.ToList());
        if (list.Count == 0)
            return;
        var path = string.Join(" ", list.Select(p => $"{F(x[p.X])},{F(y[p.Y / divisor])}"));
        svg.Append(Inv, $"<polyline id=\"{id}\" points=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{F(width)}\"{(dash != null ? $" stroke-dasharray=\"{dash}\"" : "")} stroke-linejoin=\"round\"/>\n");
    }

    private static double FitEnd(MetaspaceDiagnosis d, IReadOnlyList<SeriesPoint> points, MetaspacePlotScale x) =>
        Math.Min(x.Max, Math.Max(points[^1].X, d.Limit.ProjectedX ?? points[^1].X));

    private static void WriteFit(StringBuilder svg, MetaspaceDiagnosis d, IReadOnlyList<SeriesPoint> points, MetaspacePlotScale x, MetaspacePlotScale y,
        double divisor, double end)
    {
        if (d.Fit is not { } fit)
            return;
        var start = d.Retained.Min(p => p.X);
        var cap = y.Max * divisor;
        var samples = new List<string>();
        for (var i = 0; i <= 240; i++)
        {
            var vx = start + (end - start) * i / 240;
            var vy = fit.Evaluate(vx);
            if (vy > cap || vy < 0)
                continue;
            samples.Add($"{F(x[vx])},{F(y[vy / divisor])}");
        }
        if (samples.Count > 1)
            svg.Append(Inv, $"<polyline id=\"fit\" points=\"{string.Join(" ", samples)}\" fill=\"none\" stroke=\"{FitColor}\" stroke-width=\"2\" stroke-dasharray=\"2 4\" stroke-linecap=\"round\"/>\n");
    }

    private static void WriteLimit(StringBuilder svg, MetaspaceDiagnosis d, MetaspacePlotScale x, MetaspacePlotScale y, double divisor)
    {
        if (d.Limit.LimitBytes is not { } limit)
            return;
        var py = y[limit / divisor];
        svg.Append(Inv, $"<g id=\"limit\">\n<line x1=\"{Left}\" y1=\"{F(py)}\" x2=\"{Right}\" y2=\"{F(py)}\" stroke=\"{LimitColor}\" stroke-width=\"1.6\" stroke-dasharray=\"9 5\"/>\n");
        Text(svg, Left + 8, py - 7, $"MaxMetaspaceSize {SizeFormat.Bytes(limit)}{(d.Limit.LimitSource == "log" ? "" : $" ({d.Limit.LimitSource})")}", 12.5, LimitColor, "start", bold: true);
        if (d.Limit.ProjectedX is { } px && px <= x.Max)
        {
            svg.Append(Inv, $"<circle cx=\"{F(x[px])}\" cy=\"{F(py)}\" r=\"5.5\" fill=\"#fff\" stroke=\"{FitColor}\" stroke-width=\"2\"/>\n");
            var label = $"fit reaches the limit at {FormatX(d, px)}";
            var anchorRight = x[px] > (Left + Right) / 2;
            Text(svg, x[px] + (anchorRight ? -10 : 10), py + 20, label, 12, FitColor, anchorRight ? "end" : "start");
        }
        svg.Append("</g>\n");
    }

    private static void WriteGcMarkers(StringBuilder svg, MetaspaceDiagnosis d, IReadOnlyList<SeriesPoint> points, MetaspacePlotScale x, MetaspacePlotScale y, double divisor)
    {
        if (d.MetadataCollections.Count == 0)
            return;
        svg.Append("<g id=\"gc-markers\">\n");
        foreach (var m in d.MetadataCollections)
        {
            var level = m.AfterBytes ?? m.BeforeBytes ?? NearestUsed(points, m.X);
            var px = x[m.X];
            var py = y[level / divisor] - 9;
            var fill = m.Cause == "Metadata GC Threshold" ? GcColor : "#fff";
            svg.Append(Inv, $"<path d=\"M{F(px - 5)},{F(py - 8)} L{F(px + 5)},{F(py - 8)} L{F(px)},{F(py)} Z\" fill=\"{fill}\" stroke=\"{GcColor}\" stroke-width=\"1.3\"><title>{Esc($"GC({m.GcId}) {m.Cause}{(m.ReclaimedBytes is { } r ? ", reclaimed " + SizeFormat.Bytes(r) : "")}")}</title></path>\n");
            svg.Append(Inv, $"<line x1=\"{F(px)}\" y1=\"{F(Bottom)}\" x2=\"{F(px)}\" y2=\"{F(Bottom - 7)}\" stroke=\"{GcColor}\" stroke-width=\"1.5\"/>\n");
        }
        svg.Append("</g>\n");
    }

    /// <summary>
    /// With a handful of readings and no clock (a VM.metaspace before/after pair) the x ticks name each
    /// reading's file, so the axis says "before" and "after" in the user's own words.
    /// </summary>
    private static List<string>? ReadingNames(MetaspaceDiagnosis d)
    {
        if (d.XAxis != XAxisKind.SampleNumber || d.Series.Count > 6)
            return null;
        var files = d.Series.Select(p => Path.GetFileName(p.Sample.Position.Source)).ToList();
        return files.Distinct().Count() == files.Count ? files.Select(f => Shorten(f, 40)).ToList() : null;
    }

    /// <summary>Writes the used size beside each point when there are only a few (left of the point, clear of the line).</summary>
    private static void WriteSnapshotLabels(StringBuilder svg, IReadOnlyList<SeriesPoint> points, MetaspacePlotScale x, MetaspacePlotScale y, double divisor)
    {
        if (points.Count > 6)
            return;
        foreach (var p in points)
            Text(svg, x[p.X] - 9, y[p.Sample.UsedBytes / divisor] + 4.5, $"{SizeFormat.Bytes(p.Sample.UsedBytes)} used", 12.5, UsedColor, "end", bold: true);
    }

    private static void WriteOom(StringBuilder svg, MetaspaceDiagnosis d, MetaspacePlotScale x, MetaspacePlotScale y)
    {
        if (d.Limit.OomX is not { } ox || d.Limit.OomSpace is not { } space)
            return;
        var px = x[ox];
        svg.Append(Inv, $"<g id=\"oom\">\n<line x1=\"{F(px)}\" y1=\"{Top}\" x2=\"{F(px)}\" y2=\"{Bottom}\" stroke=\"{LimitColor}\" stroke-width=\"2\"/>\n");
        var anchorRight = px > (Left + Right) / 2;
        var tx = px + (anchorRight ? -10 : 10);
        // Near the top, above the limit line, where the curves rarely are.
        var ty = Top + 22;
        var anchor = anchorRight ? "end" : "start";
        Text(svg, tx, ty, $"OutOfMemoryError: {space}", 13, LimitColor, anchor, bold: true);
        Text(svg, tx, ty + 17, $"at {FormatX(d, ox)}", 12.5, LimitColor, anchor);
        svg.Append("</g>\n");
    }

    private static void WriteLegend(StringBuilder svg, MetaspaceDiagnosis d, IReadOnlyList<SeriesPoint> points, string unit)
    {
        var lx = Right + 24;
        var ly = Top + 6;
        svg.Append("<g id=\"legend\">\n");
        void Entry(string swatch, string label, string? detail = null)
        {
            svg.Append(Inv, $"<g transform=\"translate({F(lx)} {F(ly)})\">{swatch}</g>\n");
            Text(svg, lx + 34, ly + 4.5, label, 13, TextColor, "start");
            ly += 20;
            if (detail != null)
            {
                foreach (var line in Wrap(detail.Split(' '), 34, " "))
                {
                    Text(svg, lx + 34, ly + 2, line, 11, MutedColor, "start");
                    ly += 15;
                }
                ly += 3;
            }
        }
        Entry($"<rect x=\"0\" y=\"-6\" width=\"26\" height=\"12\" fill=\"{UsedColor}\" fill-opacity=\"0.13\"/><line x1=\"0\" y1=\"0\" x2=\"26\" y2=\"0\" stroke=\"{UsedColor}\" stroke-width=\"2.4\"/>",
            "Metaspace used", points.Any(p => p.Sample.Kind == SampleKind.AfterGc) ? "after each collection" : null);
        if (points.Any(p => p.Sample.CommittedBytes != null))
            Entry($"<line x1=\"0\" y1=\"0\" x2=\"26\" y2=\"0\" stroke=\"{CommittedColor}\" stroke-width=\"1.8\" stroke-dasharray=\"7 4\"/>", "Metaspace committed");
        if (points.Any(p => p.Sample.DeallocatedBytes != null))
            Entry($"<line x1=\"0\" y1=\"0\" x2=\"26\" y2=\"0\" stroke=\"{DeallocatedColor}\" stroke-width=\"2\" stroke-dasharray=\"3 3\"/>", "in deallocated blocks", "freed, but kept by the class loaders");
        if (points.Any(p => p.Sample.ClassUsedBytes != null))
            Entry($"<line x1=\"0\" y1=\"0\" x2=\"26\" y2=\"0\" stroke=\"{ClassColor}\" stroke-width=\"1.8\"/>", "class space used");
        if (d.Fit is { } fit)
            Entry($"<line x1=\"0\" y1=\"0\" x2=\"26\" y2=\"0\" stroke=\"{FitColor}\" stroke-width=\"2\" stroke-dasharray=\"2 4\" stroke-linecap=\"round\"/>",
                fit.Shape == GrowthShape.Flat ? "fit: level" : $"{fit.Shape.ToString().ToLowerInvariant()} fit (R² {fit.RSquared.ToString("0.000", Inv)})",
                fit.Shape == GrowthShape.Flat ? null : FitFormula.Describe(fit, FitFormula.Symbol(d.XAxis)));
        if (d.Limit.LimitBytes != null)
            Entry($"<line x1=\"0\" y1=\"0\" x2=\"26\" y2=\"0\" stroke=\"{LimitColor}\" stroke-width=\"1.6\" stroke-dasharray=\"9 5\"/>", "MaxMetaspaceSize");
        if (d.Limit.OomSpace != null)
            Entry($"<line x1=\"13\" y1=\"-8\" x2=\"13\" y2=\"8\" stroke=\"{LimitColor}\" stroke-width=\"2\"/>", "OutOfMemoryError");
        if (d.MetadataCollections.Count > 0)
        {
            var threshold = d.MetadataThresholdCollections;
            Entry($"<path d=\"M8,-5 L18,-5 L13,4 Z\" fill=\"{GcColor}\" stroke=\"{GcColor}\" stroke-width=\"1.3\"/>",
                "Metadata GC Threshold", $"{threshold} collection{(threshold == 1 ? "" : "s")}, {d.MetadataThresholdReclaimedNothing} reclaimed nothing");
            if (d.MetadataCollections.Count > threshold)
                Entry($"<path d=\"M8,-5 L18,-5 L13,4 Z\" fill=\"#fff\" stroke=\"{GcColor}\" stroke-width=\"1.3\"/>", "other Metadata GC cause");
        }
        var culprit = d.Classes.FirstOrDefault(c => c.RuleId != null && c.Pattern != PoolGrowthPattern.None);
        if (culprit != null)
        {
            ly += 10;
            Text(svg, lx, ly, "Explained by", 12, MutedColor, "start");
            ly += 18;
            Text(svg, lx, ly, culprit.RuleId!, 15, TextColor, "start", bold: true);
            ly += 17;
            foreach (var line in Wrap($"{culprit.ShortName}: {Phrase(culprit)}".Split(' '), 38, " "))
            {
                Text(svg, lx, ly, line, 11.5, "#444", "start");
                ly += 15;
            }
        }
        svg.Append("</g>\n");
    }

    private static string Phrase(ClassPoolHistory c) => c.Pattern switch
    {
        PoolGrowthPattern.Constant => $"+{c.TypicalGrowth} pool entries per redefinition ({SizeFormat.Count(c.FirstPoolLength ?? 0)} → {SizeFormat.Count(c.LastPoolLength ?? 0)} in {SizeFormat.Count(c.Redefinitions)})",
        PoolGrowthPattern.Doubling => $"pool doubles every redefinition ({SizeFormat.Count(c.FirstPoolLength ?? 0)} → {SizeFormat.Count(c.LastPoolLength ?? 0)})",
        _ => $"{SizeFormat.Count(c.Widenings)} ldc widenings in {SizeFormat.Count(c.Redefinitions)} redefinitions",
    };

    private static double NearestUsed(IReadOnlyList<SeriesPoint> points, double x) => points.MinBy(p => Math.Abs(p.X - x))!.Sample.UsedBytes;

    private static string FormatX(MetaspaceDiagnosis d, double x) => d.XAxis switch
    {
        XAxisKind.Retransforms => $"retransform {SizeFormat.Count(Math.Ceiling(x))}",
        XAxisKind.UptimeSeconds => SizeFormat.Seconds(x),
        XAxisKind.WallClockSeconds => "+" + SizeFormat.Seconds(x),
        _ => $"reading {SizeFormat.Count(x)}",
    };

    private static string FormatTick(double value, double step)
    {
        var decimals = step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(step) - 1e-9);
        return value.ToString("#,0." + new string('#', decimals), Inv) is { Length: > 0 } s && s != "-0" ? s : "0";
    }

    /// <summary>Keeps at most <see cref="MaxPointsPerSeries"/> points, always the first, last and each stride's extremes.</summary>
    private static List<(double X, double Y)> Thin(List<(double X, double Y)> points)
    {
        if (points.Count <= MaxPointsPerSeries)
            return points;
        var stride = (int)Math.Ceiling(points.Count / (MaxPointsPerSeries / 2.0));
        var result = new List<(double, double)>();
        for (var i = 0; i < points.Count; i += stride)
        {
            var chunk = points.Skip(i).Take(stride).ToList();
            var lo = chunk.MinBy(p => p.Y);
            var hi = chunk.MaxBy(p => p.Y);
            foreach (var p in chunk.Where(p => p == lo || p == hi).Distinct())
                result.Add(p);
        }
        if (result[^1] != points[^1])
            result.Add(points[^1]);
        return result;
    }

    private static IEnumerable<string> Wrap(IEnumerable<string> parts, int width, string joint = "; ")
    {
        var line = new StringBuilder();
        foreach (var part in parts)
        {
            if (line.Length > 0 && line.Length + joint.Length + part.Length > width)
            {
                yield return line.ToString() + (joint == "; " ? ";" : "");
                line.Clear();
            }
            if (line.Length > 0)
                line.Append(joint);
            line.Append(part);
        }
        if (line.Length > 0)
            yield return line.ToString();
    }

    private static void Text(StringBuilder svg, double x, double y, string text, double size, string color, string anchor, bool bold = false) =>
        svg.Append(Inv, $"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"{F(size)}\" fill=\"{color}\" text-anchor=\"{anchor}\"{(bold ? " font-weight=\"bold\"" : "")}>{Esc(text)}</text>\n");

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Esc(string s) => SecurityElement.Escape(s) ?? "";

    private static string F(double v) => v.ToString("0.##", Inv);
}

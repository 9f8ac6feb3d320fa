using System.Text.Encodings.Web;
using System.Text.Json;
using BytecodeLint.Analysis.Metaspace.Analysis;

namespace BytecodeLint.Cli;

/// <summary>
/// <c>--format json</c>: the diagnosis with stable camelCase names (documented in docs/metaspace.md,
/// "JSON schema"). Sizes are bytes; absent values are null rather than missing.
/// </summary>
internal static class MetaspaceJsonReport
{
    public const int SchemaVersion = 1;

    public static void Write(TextWriter output, MetaspaceDiagnosis d)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteDiagnosis(w, d);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteDiagnosis(Utf8JsonWriter w, MetaspaceDiagnosis d)
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("verdict", Camel(d.Verdict.ToString()));
        w.WriteString("headline", d.Headline);
        w.WriteStartArray("evidence");
        foreach (var e in d.Evidence)
            w.WriteStringValue(e);
        w.WriteEndArray();

        w.WriteStartObject("inputs");
        w.WriteStartArray("sources");
        foreach (var s in d.Sources)
            w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteString("jvmVersion", d.JvmVersion);
        w.WriteStartObject("lines");
        w.WriteNumber("read", d.Lines.Lines);
        w.WriteNumber("used", d.Lines.Used);
        w.WriteNumber("skipped", d.Lines.Skipped);
        w.WriteNumber("notUnderstood", d.Lines.NotUnderstood);
        w.WriteNumber("tooLong", d.Lines.TooLong);
        w.WriteNumber("interleaved", d.Lines.Interleaved);
        w.WriteStartArray("examples");
        foreach (var x in d.Lines.Examples)
        {
            w.WriteStartObject();
            w.WriteString("source", x.Position.Source);
            w.WriteNumber("line", x.Position.Line);
            w.WriteString("reason", x.Reason);
            w.WriteString("text", x.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("xAxis");
        w.WriteString("kind", Camel(d.XAxis.ToString()));
        w.WriteString("label", d.XLabel);
        w.WriteString("focusClass", d.FocusClass?.ClassName);
        w.WriteEndObject();

        w.WriteStartObject("retained");
        Number(w, "firstBytes", d.FirstRetainedBytes);
        Number(w, "lastBytes", d.LastRetainedBytes);
        Number(w, "growthBytes", d.LastRetainedBytes - d.FirstRetainedBytes);
        Number(w, "averageGrowthBytesPerX", d.AverageGrowthPerX);
        Number(w, "peakCommittedBytes", d.PeakCommittedBytes);
        w.WriteEndObject();

        w.WritePropertyName("fit");
        if (d.Fit is { } fit)
            WriteFit(w, fit, d.XAxis);
        else
            w.WriteNullValue();
        w.WriteStartArray("fits");
        foreach (var a in d.Alternatives)
            WriteFit(w, a, d.XAxis);
        w.WriteEndArray();

        var lim = d.Limit;
        w.WriteStartObject("limit");
        Number(w, "maxMetaspaceBytes", lim.LimitBytes);
        w.WriteString("source", lim.LimitSource);
        Number(w, "projectedX", lim.ProjectedX);
        Number(w, "projectedUptimeSeconds", lim.ProjectedUptimeSeconds);
        w.WritePropertyName("oom");
        if (lim.OomSpace != null)
        {
            w.WriteStartObject();
            w.WriteString("space", lim.OomSpace);
            Number(w, "x", lim.OomX);
            Number(w, "uptimeSeconds", lim.OomUptimeSeconds);
            w.WriteString("where", lim.OomWhere);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }
        w.WriteEndObject();

        w.WriteStartObject("collections");
        w.WriteNumber("total", d.Collections);
        w.WriteNumber("metadataThreshold", d.MetadataThresholdCollections);
        w.WriteNumber("metadataThresholdReclaimedNothing", d.MetadataThresholdReclaimedNothing);
        w.WriteStartArray("metadataTriggered");
        foreach (var m in d.MetadataCollections)
        {
            w.WriteStartObject();
            Number(w, "gcId", m.GcId);
            w.WriteString("cause", m.Cause);
            w.WriteNumber("x", m.X);
            Number(w, "uptimeSeconds", m.UptimeSeconds);
            Number(w, "beforeBytes", m.BeforeBytes);
            Number(w, "afterBytes", m.AfterBytes);
            w.WriteBoolean("reclaimedNothing", m.ReclaimedNothing);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("classes");
        foreach (var c in d.Classes)
        {
            w.WriteStartObject();
            w.WriteString("name", c.ClassName);
            w.WriteString("label", c.Label);
            w.WriteString("nameSource", c.NameSource);
            w.WriteStartArray("otherCandidates");
            foreach (var o in c.OtherCandidates)
                w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteNumber("redefinitions", c.Redefinitions);
            Number(w, "firstPoolLength", c.FirstPoolLength);
            Number(w, "lastPoolLength", c.LastPoolLength);
            Number(w, "typicalGrowth", c.TypicalGrowth);
            w.WriteString("pattern", Camel(c.Pattern.ToString()));
            w.WriteNumber("widenings", c.Widenings);
            Number(w, "lastIndexMapLength", c.LastIndexMapLength);
            w.WriteBoolean("overflowed", c.Overflowed);
            w.WriteString("ruleId", c.RuleId);
            w.WriteString("explanation", c.Explanation);
            Number(w, "lawEstimateBytes", c.LawEstimateBytes);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("fragmentation");
        foreach (var f in d.Fragmentation)
        {
            w.WriteStartObject();
            w.WriteString("kind", f.Kind);
            w.WriteString("message", f.Message);
            w.WriteString("where", f.Where);
            w.WriteStartObject("numbers");
            foreach (var (k, v) in f.Numbers.OrderBy(p => p.Key, StringComparer.Ordinal))
                w.WriteNumber(k, v);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("snapshots");
        foreach (var s in d.Snapshots)
        {
            var snap = s.Snapshot;
            w.WriteStartObject();
            w.WriteString("where", snap.Position.ToString());
            Number(w, "loaders", snap.Loaders);
            Number(w, "classes", snap.Classes);
            Number(w, "usedBytes", snap.UsedBytes);
            Number(w, "committedBytes", snap.CommittedBytes);
            Number(w, "reservedBytes", snap.ReservedBytes);
            Number(w, "deallocatedBytes", snap.TotalDeallocatedBytes);
            Number(w, "deallocatedBlocks", snap.TotalDeallocatedBlocks);
            Number(w, "maxMetaspaceBytes", snap.MaxMetaspaceBytes);
            Number(w, "allocationsFailedAtLimit", snap.AllocationsFailedAtLimit);
            Number(w, "usedDeltaBytes", s.UsedDeltaBytes);
            Number(w, "committedDeltaBytes", s.CommittedDeltaBytes);
            Number(w, "deallocatedDeltaBytes", s.DeallocatedDeltaBytes);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("series");
        foreach (var p in d.Series)
        {
            var s = p.Sample;
            w.WriteStartObject();
            w.WriteNumber("x", p.X);
            w.WriteString("kind", Camel(s.Kind.ToString()));
            w.WriteString("where", s.Position.ToString());
            Number(w, "uptimeSeconds", s.UptimeSeconds);
            w.WriteString("time", s.Time?.ToString("O"));
            Number(w, "gcId", s.GcId);
            w.WriteString("cause", s.Cause);
            Number(w, "usedBeforeBytes", s.UsedBeforeBytes);
            w.WriteNumber("usedBytes", s.UsedBytes);
            Number(w, "capacityBytes", s.CapacityBytes);
            Number(w, "committedBytes", s.CommittedBytes);
            Number(w, "reservedBytes", s.ReservedBytes);
            Number(w, "classUsedBytes", s.ClassUsedBytes);
            Number(w, "classCommittedBytes", s.ClassCommittedBytes);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFit(Utf8JsonWriter w, FittedCurve fit, XAxisKind axis)
    {
        w.WriteStartObject();
        w.WriteString("shape", Camel(fit.Shape.ToString()));
        w.WriteStartArray("coefficients");
        foreach (var c in fit.Coefficients)
            w.WriteNumberValue(c);
        w.WriteEndArray();
        w.WriteNumber("rSquared", Math.Round(fit.RSquared, 6));
        w.WriteNumber("rmsErrorBytes", Math.Round(fit.RmsErrorBytes));
        w.WriteNumber("bic", Math.Round(fit.Bic, 3));
        w.WriteString("formula", FitFormula.Describe(fit, FitFormula.Symbol(axis)));
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter w, string name, int? value) => Number(w, name, (long?)value);

    private static string Camel(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
}

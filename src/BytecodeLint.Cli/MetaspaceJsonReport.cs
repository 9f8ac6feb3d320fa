using BytecodeLint.Cli.Output;
using System.Text.Encodings.Web;
using System.Text.Json;
using BytecodeLint.Metaspace.Analysis;

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
        w.WriteNullable("firstBytes", d.FirstRetainedBytes);
        w.WriteNullable("lastBytes", d.LastRetainedBytes);
        w.WriteNullable("growthBytes", d.LastRetainedBytes - d.FirstRetainedBytes);
        w.WriteNullable("averageGrowthBytesPerX", d.AverageGrowthPerX);
        w.WriteNullable("peakCommittedBytes", d.PeakCommittedBytes);
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
        w.WriteNullable("maxMetaspaceBytes", lim.LimitBytes);
        w.WriteString("source", lim.LimitSource);
        w.WriteNullable("projectedX", lim.ProjectedX);
        w.WriteNullable("projectedUptimeSeconds", lim.ProjectedUptimeSeconds);
        w.WritePropertyName("oom");
        if (lim.OomSpace != null)
        {
            w.WriteStartObject();
            w.WriteString("space", lim.OomSpace);
            w.WriteNullable("x", lim.OomX);
            w.WriteNullable("uptimeSeconds", lim.OomUptimeSeconds);
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
            w.WriteNullable("gcId", m.GcId);
            w.WriteString("cause", m.Cause);
            w.WriteNumber("x", m.X);
            w.WriteNullable("uptimeSeconds", m.UptimeSeconds);
            w.WriteNullable("beforeBytes", m.BeforeBytes);
            w.WriteNullable("afterBytes", m.AfterBytes);
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
            w.WriteNullable("firstPoolLength", c.FirstPoolLength);
            w.WriteNullable("lastPoolLength", c.LastPoolLength);
            w.WriteNullable("typicalGrowth", c.TypicalGrowth);
            w.WriteString("pattern", Camel(c.Pattern.ToString()));
            w.WriteNumber("widenings", c.Widenings);
            w.WriteNullable("lastIndexMapLength", c.LastIndexMapLength);
            w.WriteBoolean("overflowed", c.Overflowed);
            w.WriteString("ruleId", c.RuleId);
            w.WriteString("explanation", c.Explanation);
            w.WriteNullable("lawEstimateBytes", c.LawEstimateBytes);
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
            w.WriteNullable("loaders", snap.Loaders);
            w.WriteNullable("classes", snap.Classes);
            w.WriteNullable("usedBytes", snap.UsedBytes);
            w.WriteNullable("committedBytes", snap.CommittedBytes);
            w.WriteNullable("reservedBytes", snap.ReservedBytes);
            w.WriteNullable("deallocatedBytes", snap.TotalDeallocatedBytes);
            w.WriteNullable("deallocatedBlocks", snap.TotalDeallocatedBlocks);
            w.WriteNullable("maxMetaspaceBytes", snap.MaxMetaspaceBytes);
            w.WriteNullable("allocationsFailedAtLimit", snap.AllocationsFailedAtLimit);
            w.WriteNullable("usedDeltaBytes", s.UsedDeltaBytes);
            w.WriteNullable("committedDeltaBytes", s.CommittedDeltaBytes);
            w.WriteNullable("deallocatedDeltaBytes", s.DeallocatedDeltaBytes);
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
            w.WriteNullable("uptimeSeconds", s.UptimeSeconds);
            w.WriteString("time", s.Time?.ToString("O"));
            w.WriteNullable("gcId", s.GcId);
            w.WriteString("cause", s.Cause);
            w.WriteNullable("usedBeforeBytes", s.UsedBeforeBytes);
            w.WriteNumber("usedBytes", s.UsedBytes);
            w.WriteNullable("capacityBytes", s.CapacityBytes);
            w.WriteNullable("committedBytes", s.CommittedBytes);
            w.WriteNullable("reservedBytes", s.ReservedBytes);
            w.WriteNullable("classUsedBytes", s.ClassUsedBytes);
            w.WriteNullable("classCommittedBytes", s.ClassCommittedBytes);
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

    private static string Camel(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
}

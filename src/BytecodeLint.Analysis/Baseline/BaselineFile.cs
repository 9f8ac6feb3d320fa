using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Baseline;

/// <summary>One baselined finding identity and how many times it occurred.</summary>
public sealed record BaselineEntry(FindingIdentity Identity, int Count);

/// <summary>
/// A baseline: accepted findings, keyed by <see cref="FindingIdentity"/> with a count (the same
/// pattern may occur several times in one method). Written as indented JSON, sorted by rule, class,
/// member and evidence hash, one field per line and LF line ends, so diffs show exactly what changed.
/// </summary>
public sealed class BaselineFile
{
    public const int FormatVersion = 1;

    public BaselineFile(IEnumerable<BaselineEntry> entries)
    {
        Entries = entries
            .OrderBy(e => e.Identity.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Identity.Class, StringComparer.Ordinal)
            .ThenBy(e => e.Identity.Member ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Identity.EvidenceHash, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>A baseline accepting exactly these findings.</summary>
    public static BaselineFile From(IEnumerable<Diagnostic> findings) =>
        new(findings.GroupBy(FindingIdentity.Of).Select(g => new BaselineEntry(g.Key, g.Count())));

    public static BaselineFile Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException($"{path}: cannot read baseline: {e.Message}");
        }
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetInt32() != FormatVersion)
                throw new BaselineException($"{path}: not a bytecodelint baseline of format {FormatVersion}");
            var entries = new List<BaselineEntry>();
            foreach (var item in root.GetProperty("findings").EnumerateArray())
            {
                string? member = item.TryGetProperty("member", out var m) ? m.GetString() : null;
                var identity = new FindingIdentity(Required(item, "rule"), Required(item, "class"), member, Required(item, "evidenceHash"));
                int count = item.TryGetProperty("count", out var c) ? c.GetInt32() : 1;
                if (count < 1) throw new BaselineException($"{path}: count must be at least 1 ({identity.Rule} {identity.Class})");
                entries.Add(new BaselineEntry(identity, count));
            }
            return new BaselineFile(entries);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new BaselineException($"{path}: malformed baseline: {e.Message}");
        }
    }

    private static string Required(JsonElement item, string name) =>
        item.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");

    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        File.WriteAllText(path, ToJson(), new UTF8Encoding(false));
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "bytecodelint");
            json.WriteNumber("format", FormatVersion);
            json.WriteStartArray("findings");
            foreach (var entry in Entries)
            {
                json.WriteStartObject();
                json.WriteString("rule", entry.Identity.Rule);
                json.WriteString("class", entry.Identity.Class);
                if (entry.Identity.Member is { } member) json.WriteString("member", member);
                json.WriteString("evidenceHash", entry.Identity.EvidenceHash);
                json.WriteNumber("count", entry.Count);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

/// <summary>A baseline file that cannot be read or parsed.</summary>
public sealed class BaselineException(string message) : Exception(message);

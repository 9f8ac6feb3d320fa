using System.Reflection;

namespace BytecodeLint.Analysis.Rules;

/// <summary>The rule doc pages (docs/rules/BLxxxx.md), embedded in this assembly for <c>bytecodelint explain</c>.</summary>
public static class RuleDocs
{
    public static string? Get(string id)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("rules/" + id.ToUpperInvariant() + ".md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

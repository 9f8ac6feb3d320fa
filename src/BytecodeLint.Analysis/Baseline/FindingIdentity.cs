using System.Security.Cryptography;
using System.Text;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Baseline;

/// <summary>
/// What makes two findings "the same" across builds: rule id, class (or, for a finding without a
/// class, the entry chain from the input's file name on), member with descriptor, and a hash of the
/// rule's evidence. Never the line number or bytecode offset, which move with unrelated edits, and
/// never an absolute path, which differs between machines. Baselines and SARIF fingerprints use it.
/// </summary>
public sealed record FindingIdentity(string Rule, string Class, string? Member, string EvidenceHash)
{
    public static FindingIdentity Of(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        string owner = location.Class ?? PortableEntry(location);
        string? member = location.Member is null ? null : location.Member + location.MemberDescriptor;
        return new FindingIdentity(diagnostic.Id, owner, member, Hash(diagnostic.Evidence, 16));
    }

    /// <summary>A stable hash of the whole identity (hex), for SARIF's <c>partialFingerprints</c>.</summary>
    public string Fingerprint => Hash($"{Rule}\n{Class}\n{Member}\n{EvidenceHash}", 32);

    /// <summary><c>/abs/path/app.jar!/x/Y.class</c> → <c>app.jar!/x/Y.class</c>.</summary>
    public static string PortableEntry(DiagnosticLocation location)
    {
        string name = Path.GetFileName(location.Artifact.TrimEnd('/', '\\'));
        return location.Entry.StartsWith(location.Artifact, StringComparison.Ordinal)
            ? name + location.Entry[location.Artifact.Length..].Replace('\\', '/')
            : location.Entry.Replace('\\', '/');
    }

    private static string Hash(string text, int hexChars) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..hexChars];
}

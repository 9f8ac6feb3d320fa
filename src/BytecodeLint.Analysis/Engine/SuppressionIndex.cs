using System.Collections.Concurrent;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Engine;

/// <summary>One in-bytecode suppression: rule ids, the annotated symbol and the justification.</summary>
public sealed record AnnotationSuppression(string Class, string? Member, string? Descriptor, IReadOnlyList<string> RuleIds, string Justification, string Entry)
{
    public string Symbol => Member is null ? Class : $"{Class}.{Member}{Descriptor}";
}

/// <summary>
/// Suppressions found in an artifact's bytecode. Java's <c>@SuppressWarnings</c> is source-only, so
/// (like forbidden-apis' <c>@SuppressForbidden</c>) we honour any CLASS- or RUNTIME-retention
/// annotation whose simple name is configured (default <c>SuppressBytecodeLint</c>), on a class
/// (which covers its members and its nested classes), a method or a field. Collected while classes
/// are visited; applied to every diagnostic of the artifact at its end, so findings reported at
/// artifact end are covered too.
/// </summary>
internal sealed class SuppressionIndex(IReadOnlyList<string> annotationSimpleNames)
{
    private readonly ConcurrentBag<AnnotationSuppression> _suppressions = [];

    public IReadOnlyCollection<AnnotationSuppression> All => _suppressions;

    private readonly byte[][] _descriptorSuffixes = annotationSimpleNames.Select(n => System.Text.Encoding.ASCII.GetBytes(n + ";")).ToArray();

    public void Collect(ClassAnalysisContext context)
    {
        // The class's dotted name and the entry's location are made only for a class that may hold one:
        // for every class they were 6 % of a large scan's allocations.
        var @class = context.Class;
        if (!MayHoldSuppression(@class.ConstantPool)) return;
        string className = context.ClassName, entry = context.Entry.Location;
        Add(@class, @class.Attributes, className, null, null, entry);
        foreach (var method in @class.Methods) Add(@class, method.Attributes, className, method.NameString, method.DescriptorString, entry);
        foreach (var field in @class.Fields) Add(@class, field.Attributes, className, field.NameString, field.DescriptorString, entry);
    }

    private void Add(JavaClass @class, AttributeCollection attributes, string className, string? member, string? descriptor, string entry)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Kind is not (AttributeKind.RuntimeInvisibleAnnotations or AttributeKind.RuntimeVisibleAnnotations)) continue;
            foreach (var annotation in AnnotationReader.Read(attribute))
            {
                if (!IsSuppressionType(@class.ConstantPool.GetUtf8Bytes(annotation.Type))) continue;
                var ids = new List<string>();
                string justification = "";
                foreach (var element in annotation.Elements)
                {
                    string name = @class.ConstantPool.GetString(element.Name);
                    if (name == "value") ids.AddRange(AnnotationReader.Strings(@class.ConstantPool, element.Value).Select(s => s.Trim()));
                    else if (name == "justification") justification = AnnotationReader.Strings(@class.ConstantPool, element.Value).FirstOrDefault() ?? "";
                }
                if (ids.Count > 0) _suppressions.Add(new AnnotationSuppression(className, member, descriptor, ids, justification, entry));
            }
        }
    }

    /// <summary>
    /// Cheap pre-check on the hot path: annotations are only decoded when the pool's bytes contain
    /// <c>SuppressBytecodeLint;</c> (an annotation's type descriptor is always a pool constant). One
    /// vectorised search over the raw pool instead of a walk entry by entry; a false positive only
    /// costs the decode.
    /// </summary>
    private bool MayHoldSuppression(ConstantPool pool)
    {
        var bytes = pool.Bytes.Span[..pool.EndOffset];
        foreach (var suffix in _descriptorSuffixes)
            if (bytes.IndexOf(suffix) >= 0) return true;
        return false;
    }

    /// <summary>True when the descriptor <c>Lpkg/Outer$SuppressBytecodeLint;</c> ends in a configured simple name.</summary>
    private bool IsSuppressionType(ReadOnlySpan<byte> descriptor)
    {
        if (descriptor.Length < 3 || descriptor[0] != (byte)'L' || descriptor[^1] != (byte)';') return false;
        var name = descriptor[1..^1];
        int cut = Math.Max(name.LastIndexOf((byte)'/'), name.LastIndexOf((byte)'$'));
        var simple = name[(cut + 1)..];
        foreach (var candidate in annotationSimpleNames)
        {
            if (simple.Length == candidate.Length && System.Text.Encoding.ASCII.GetString(simple) == candidate) return true;
        }
        return false;
    }

    /// <summary>True when a suppression on this class (or an enclosing one) or on this member covers the rule.</summary>
    public bool Covers(string ruleId, string className, string? member, string? descriptor) =>
        Find(new Diagnostic(Probe(ruleId), Severity.Warning, "", new DiagnosticLocation("", "", className, member, descriptor), new Dictionary<string, double>(), "")) is not null;

    private static DiagnosticDescriptor Probe(string id) => new(id, "", "", "", Severity.Warning, true, "");

    /// <summary>The suppression covering a diagnostic, or null. Member-level first, then class, then enclosing classes.</summary>
    public AnnotationSuppression? Find(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        if (location.Class is null) return null;
        AnnotationSuppression? best = null;
        foreach (var s in _suppressions)
        {
            if (!s.RuleIds.Any(id => id.Equals(diagnostic.Id, StringComparison.OrdinalIgnoreCase) || id == "*")) continue;
            if (s.Member is not null)
            {
                if (s.Class == location.Class && s.Member == location.Member && s.Descriptor == location.MemberDescriptor) return s;
            }
            else if (s.Class == location.Class || location.Class.StartsWith(s.Class + "$", StringComparison.Ordinal))
            {
                best ??= s;
            }
        }
        return best;
    }
}

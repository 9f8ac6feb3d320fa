namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Where a finding is: the command-line input (<see cref="Artifact"/>), the entry chain inside it
/// (<c>app.jar!/BOOT-INF/lib/x.jar!/com/acme/Foo.class</c>), the class (binary name with dots),
/// the member and bytecode offset when known, the source line from the LineNumberTable, the
/// SourceFile attribute, and a source path when a source root maps the class.
/// </summary>
public sealed record DiagnosticLocation(
    string Artifact,
    string Entry,
    string? Class = null,
    string? Member = null,
    string? MemberDescriptor = null,
    int? BytecodeOffset = null,
    int? Line = null,
    string? SourceFile = null,
    string? SourcePath = null)
{
    /// <summary>The path to show a person or an IDE: the mapped source file, else the input.</summary>
    public string DisplayPath => SourcePath ?? Artifact;

    /// <summary><c>Class.member(desc)</c> or <c>Class</c>, for messages and fingerprints.</summary>
    public string Symbol => Member is null ? Class ?? Entry : $"{Class}.{Member}{MemberDescriptor}";
}

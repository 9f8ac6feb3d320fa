namespace BytecodeLint.MSBuild;

/// <summary>One diagnostic from the CLI's JSON report, reduced to what the task logs.</summary>
internal sealed class Finding
{
    public string Id { get; set; } = "";

    /// <summary>The CLI's severity name: error, warning, note or hidden.</summary>
    public string Severity { get; set; } = "warning";

    public string Message { get; set; } = "";

    public string? HelpLink { get; set; }

    /// <summary>The input path as it was given to the CLI (the jar or folder).</summary>
    public string Artifact { get; set; } = "";

    /// <summary>Location chain of the class, e.g. <c>app.jar!/BOOT-INF/lib/x.jar!/a/B.class</c>.</summary>
    public string Entry { get; set; } = "";

    public int? Line { get; set; }

    /// <summary>Source file found under a source root, or null when none maps the class.</summary>
    public string? SourcePath { get; set; }

    /// <summary>Suppressed in the bytecode (annotation) or by a baseline: reported at low importance only.</summary>
    public bool Suppressed { get; set; }
}

namespace BytecodeLint.Metaspace.Model;

/// <summary>What produced a Metaspace reading; it decides how much the reading says about retained memory.</summary>
public enum SampleKind
{
    /// <summary>A collection's <c>Metaspace: before->after</c>: the after value is what survived.</summary>
    AfterGc,

    /// <summary>A heap printout (<c>-XX:+PrintHeapAtGC</c>, <c>gc+heap=debug</c>, the exit printout).</summary>
    HeapPrintout,

    /// <summary>The usage block printed with a Metaspace <c>OutOfMemoryError</c>.</summary>
    OomReport,

    /// <summary>A <c>jcmd VM.metaspace</c> snapshot.</summary>
    Snapshot,
}

namespace BytecodeLint.Analysis.Inputs;

/// <summary>Why part of an input was not enumerated.</summary>
public enum InputProblemKind
{
    /// <summary>Corrupt or truncated data: bad signature, offset past the end, bad deflate stream, wrong size.</summary>
    Unreadable,

    /// <summary>An <see cref="InputLimits"/> bound would have been crossed; the entry or nested archive was skipped.</summary>
    LimitExceeded,

    /// <summary>Valid zip, but a feature we do not read: compression other than STORED/DEFLATED, encryption.</summary>
    UnsupportedEntry,
}

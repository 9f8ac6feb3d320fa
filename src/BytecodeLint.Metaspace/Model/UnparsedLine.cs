namespace BytecodeLint.Metaspace.Model;

/// <summary>A line the reader did not understand, kept (cut to a readable length) as an example for the report.</summary>
public sealed record UnparsedLine(LogPosition Position, string Text, string Reason);

namespace BytecodeLint.Metaspace.Model;

/// <summary>Where a record came from: the input file (as given) and the 1-based line number.</summary>
public readonly record struct LogPosition(string Source, long Line)
{
    public override string ToString() => $"{Source}:{Line}";
}

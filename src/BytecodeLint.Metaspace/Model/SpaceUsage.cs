namespace BytecodeLint.Metaspace.Model;

/// <summary>One row of <c>VM.metaspace</c>'s usage table (Non-Class, Class or Both).</summary>
public sealed record SpaceUsage
{
    public int? Chunks { get; set; }
    public long? CapacityBytes { get; set; }
    public long? CommittedBytes { get; set; }
    public long? UsedBytes { get; set; }
    public long? FreeBytes { get; set; }
    public long? WasteBytes { get; set; }
    public long? DeallocatedBlocks { get; set; }
    public long? DeallocatedBytes { get; set; }
}

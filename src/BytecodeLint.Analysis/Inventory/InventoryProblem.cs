namespace BytecodeLint.Analysis.Inventory;

/// <summary>Something inside an input that could not be read or parsed: where, at which byte (if known), and what.</summary>
public sealed record InventoryProblem(string Location, long? Offset, string Message);

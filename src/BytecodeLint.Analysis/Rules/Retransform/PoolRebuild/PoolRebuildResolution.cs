namespace BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;

/// <summary>
/// The resolutions BL0002's writer search applies beyond a single method, each on by default. They
/// exist as switches only so that tests can turn one off and show which findings depend on it
/// (docs/rules/BL0002.md, "Where the writer can be"); the product never turns them off.
/// </summary>
/// <param name="PolymorphicFactories">
/// Filling goes back through a call with several targets into the visitors every implementation
/// builds (<c>adapter = location.getAdapter(cw, ctx)</c>, abstract or an interface method).
/// </param>
/// <param name="Fields">
/// Values cross methods through fields (one node per owner and name): a writer stored by one method
/// and wrapped by another. Off, a field read is known only inside the method that reads it.
/// </param>
/// <param name="WriterSubclasses">
/// A class of the artifact extending ASM's writer (an anonymous <c>new ClassWriter(flags) { … }</c>,
/// an inner <c>SafeClassWriter</c>) is a writer, and its constructor chain down to ASM's decides
/// whether its pool is fresh. Off, only ASM's own writer class is recognised.
/// </param>
internal sealed record PoolRebuildResolution(bool PolymorphicFactories = true, bool Fields = true, bool WriterSubclasses = true)
{
    /// <summary>Every resolution on: what the rule runs with.</summary>
    public static readonly PoolRebuildResolution All = new();
}

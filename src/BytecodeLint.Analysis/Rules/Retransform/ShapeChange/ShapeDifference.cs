namespace BytecodeLint.Analysis.Rules.Retransform.ShapeChange;

/// <summary>
/// The kinds of shape change HotSpot refuses, in the order <c>VM_RedefineClasses</c> checks them
/// (observed: hierarchy before fields), each with the exception message <c>retransformClasses</c>
/// throws (measured identical on 17.0.15 and 25.0.3 by samples/java/measure/measure-shape.sh).
/// </summary>
internal enum ShapeChangeKind
{
    Hierarchy,
    ClassAttribute,
    ClassModifiers,
    Schema,
    MethodAdded,
    MethodDeleted,
    MethodModifiers,
}

/// <summary>One difference: its kind and what changed, in words.</summary>
internal readonly record struct ShapeDifference(ShapeChangeKind Kind, string Detail)
{
    /// <summary>The <c>UnsupportedOperationException</c> message HotSpot gives for this kind.</summary>
    public string HotSpotMessage => "class redefinition failed: attempted to " + Kind switch
    {
        ShapeChangeKind.Hierarchy => "change superclass or interfaces",
        ShapeChangeKind.ClassAttribute => "change the class NestHost, NestMembers, Record, or PermittedSubclasses attribute",
        ShapeChangeKind.ClassModifiers => "change the class modifiers",
        ShapeChangeKind.Schema => "change the schema (add/remove fields)",
        ShapeChangeKind.MethodAdded => "add a method",
        ShapeChangeKind.MethodDeleted => "delete a method",
        _ => "change method modifiers",
    };
}

using System.Reflection;
using System.Reflection.Emit;

namespace BytecodeLint.Analysis.Tests.Architecture;

/// <summary>
/// The namespace dependency graph of an assembly as the compiled code has it: signatures, base types,
/// attributes and every type, method and field token in the method bodies (so a fully qualified call
/// or a nested-namespace shortcut counts as much as a <c>using</c>). Nested namespaces count as their own.
/// </summary>
internal static class NamespaceGraph
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>Edges (from, to) between namespaces starting with <paramref name="prefix"/>, self-edges left out.</summary>
    public static IReadOnlySet<(string From, string To)> Edges(Assembly assembly, string prefix)
    {
        var edges = new HashSet<(string, string)>();
        foreach (var type in assembly.GetTypes())
        {
            string? from = type.Namespace;
            if (from is null || !from.StartsWith(prefix, StringComparison.Ordinal)) continue;
            foreach (var used in Referenced(type))
            {
                string? to = used.Namespace;
                if (to is not null && to != from && to.StartsWith(prefix, StringComparison.Ordinal)) edges.Add((from, to));
            }
        }
        return edges;
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        if (type.BaseType is { } b) foreach (var t in Expand(b)) yield return t;
        foreach (var i in type.GetInterfaces()) foreach (var t in Expand(i)) yield return t;
        foreach (var a in type.CustomAttributes) yield return a.AttributeType;
        foreach (var f in type.GetFields(Everything)) foreach (var t in Expand(f.FieldType)) yield return t;
        foreach (var p in type.GetProperties(Everything)) foreach (var t in Expand(p.PropertyType)) yield return t;
        var methods = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
        foreach (var m in methods)
        {
            if (m is MethodInfo mi) foreach (var t in Expand(mi.ReturnType)) yield return t;
            foreach (var p in m.GetParameters()) foreach (var t in Expand(p.ParameterType)) yield return t;
            foreach (var t in BodyReferences(m)) yield return t;
        }
    }

    /// <summary>A type and its generic arguments and element types.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element) foreach (var t in Expand(element)) yield return t;
        if (type.IsGenericParameter) yield break;
        yield return type;
        if (type.IsGenericType) foreach (var arg in type.GetGenericArguments()) foreach (var t in Expand(arg)) yield return t;
    }

    /// <summary>The declaring types of every token in the method body (and the locals' types).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body?.GetILAsByteArray() is not { } il) yield break;
        foreach (var local in body.LocalVariables) foreach (var t in Expand(local.LocalType)) yield return t;
        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int pc = 0; pc < il.Length;)
        {
            short value = il[pc] == 0xFE ? (short)(0xFE00 | il[pc + 1]) : il[pc];
            pc += il[pc] == 0xFE ? 2 : 1;
            var operand = Operands[value];
            int size = operand switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, pc),
                _ => 4,
            };
            if (operand is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                MemberInfo? member = null;
                try { member = module.ResolveMember(BitConverter.ToInt32(il, pc), typeArgs, methodArgs); }
                catch (ArgumentException) { } // a token of a generic context we do not have: rare, and never one of ours
                if (member is Type t) foreach (var x in Expand(t)) yield return x;
                else if (member?.DeclaringType is { } declaring) foreach (var x in Expand(declaring)) yield return x;
                if (member is MethodInfo { IsGenericMethod: true } generic)
                    foreach (var arg in generic.GetGenericArguments()) foreach (var x in Expand(arg)) yield return x;
            }
            pc += size;
        }
    }
}

using System.Globalization;

namespace BytecodeLint.Analysis.Engine;

/// <summary>The value kinds a rule option takes in a config file.</summary>
public enum RuleOptionKind
{
    /// <summary>Any finite number (<c>16</c>, <c>0.5</c>).</summary>
    Number,

    /// <summary>A whole number (<c>3</c>).</summary>
    Integer,
}

/// <summary>
/// A setting a rule declares, read from <c>bytecodelint.&lt;ID&gt;.&lt;name&gt; = value</c>. Declared so that
/// configuration can reject an unknown or misspelled name at its file and line, <c>explain</c> can list
/// the options, and the rule pages' option tables can be checked against the code.
/// </summary>
public sealed record RuleOption(string RuleId, string Name, RuleOptionKind Kind, double DefaultValue, string Summary)
{
    /// <summary>The config key, e.g. <c>bytecodelint.BL0003.threshold_mib</c>.</summary>
    public string Key => $"bytecodelint.{RuleId}.{Name}";

    /// <summary>The default as written in a config file.</summary>
    public string DefaultText => DefaultValue.ToString(CultureInfo.InvariantCulture);

    /// <summary>Null when <paramref name="text"/> is a valid value; otherwise what was expected.</summary>
    public string? Check(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            return Kind == RuleOptionKind.Integer ? "a whole number" : "a number";
        if (Kind == RuleOptionKind.Integer && value != Math.Floor(value))
            return "a whole number";
        return null;
    }
}

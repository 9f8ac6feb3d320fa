using System.Text;

namespace BytecodeLint.Analysis.Rules;

/// <summary>Names rules compare against, as modified-UTF-8 bytes so comparisons never decode the pool.</summary>
internal static class WellKnownNames
{
    public static readonly byte[] Throwable = Encoding.ASCII.GetBytes("java/lang/Throwable");
    public static readonly byte[] Init = Encoding.ASCII.GetBytes("<init>");
}

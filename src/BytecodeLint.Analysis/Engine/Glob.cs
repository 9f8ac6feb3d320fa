using System.Text;
using System.Text.RegularExpressions;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Glob patterns, compiled to anchored, culture-invariant regular expressions. Two flavours:
/// paths (<c>*</c> stays inside one <c>/</c>-separated segment, <c>**</c> crosses segments and
/// <c>**/</c> also matches no folder at all) and JVM names (<c>*</c> matches anything, dots included,
/// because <c>com.acme.*</c> is meant to cover sub-packages too). <c>?</c> is one character in both.
/// </summary>
public static class Glob
{
    public static Regex Path(string glob) => Compile(glob, pathSegments: true);

    public static Regex Name(string glob) => Compile(glob, pathSegments: false);

    private static Regex Compile(string glob, bool pathSegments)
    {
        var pattern = new StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*')
            {
                bool doubleStar = i + 1 < glob.Length && glob[i + 1] == '*';
                if (!pathSegments) pattern.Append(".*");
                else if (!doubleStar) pattern.Append("[^/]*");
                else if (i + 2 < glob.Length && glob[i + 2] == '/')
                {
                    pattern.Append("(?:.*/)?");
                    i += 2;
                    continue;
                }
                else pattern.Append(".*");
                if (doubleStar) i++;
            }
            else if (c == '?') pattern.Append(pathSegments ? "[^/]" : ".");
            else pattern.Append(Regex.Escape(c.ToString()));
        }
        pattern.Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    }
}

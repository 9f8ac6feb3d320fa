using System.Text;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// Reads the main section of a jar manifest (JAR File Specification): <c>Name: value</c> lines up to the
/// first blank line, a line starting with one space continues the previous value, lines end in CRLF, LF or CR.
/// Lenient like <c>java.util.jar.Manifest</c>: malformed lines are skipped, a later duplicate wins.
/// </summary>
internal static class ManifestParser
{
    public static IReadOnlyDictionary<string, string> ParseMainAttributes(ReadOnlySpan<byte> manifest)
    {
        if (manifest.StartsWith("\uFEFF"u8))
            manifest = manifest[3..];
        string text = Encoding.UTF8.GetString(manifest);
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        var value = new StringBuilder();
        int position = 0;
        while (position < text.Length)
        {
            int end = text.IndexOfAny(['\r', '\n'], position);
            if (end < 0)
                end = text.Length;
            string line = text[position..end];
            position = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;

            if (line.Length == 0)
                break;                                   // end of the main section
            if (line[0] == ' ')
            {
                if (name != null)
                    value.Append(line, 1, line.Length - 1);
                continue;
            }

            Flush(attributes, name, value);
            name = null;
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0)
                continue;
            name = line[..colon];
            value.Clear().Append(line, colon + 2, line.Length - colon - 2);
        }

        Flush(attributes, name, value);
        return attributes;
    }

    private static void Flush(Dictionary<string, string> attributes, string? name, StringBuilder value)
    {
        if (name != null)
            attributes[name] = value.ToString();
    }
}

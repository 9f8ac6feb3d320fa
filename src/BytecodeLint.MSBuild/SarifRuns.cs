using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace BytecodeLint.MSBuild;

/// <summary>
/// Joins the SARIF logs of several CLI runs (inputs with different TargetJdk/SourceRoot metadata) into
/// one file that GitHub code scanning accepts as one upload: it rejects two runs of the same tool
/// with the same category, so each run gets its own <c>automationDetails.id</c>. Works on the text
/// (a JSON-aware scan for the top-level <c>runs</c> array) so every byte the CLI wrote is kept.
/// </summary>
internal static class SarifRuns
{
    /// <summary>
    /// The <c>automationDetails.id</c> of run <paramref name="index"/> of <paramref name="count"/>. GitHub
    /// takes the part up to the last <c>/</c> as the category, so the ids end with <c>/</c> and differ
    /// before it. One run gets no id unless a category is configured (upload-sarif's own
    /// <c>category</c> input then applies).
    /// </summary>
    public static string? AutomationId(string? category, string projectName, int index, int count)
    {
        var baseId = string.IsNullOrWhiteSpace(category) ? "bytecodelint/" + projectName : category!.Trim().TrimEnd('/');
        if (count == 1) return string.IsNullOrWhiteSpace(category) ? null : baseId + "/";
        return baseId + "/run" + (index + 1).ToString(CultureInfo.InvariantCulture) + "/";
    }

    /// <summary>One SARIF document whose runs are every run of <paramref name="documents"/>, each with its id set.</summary>
    public static string Merge(IReadOnlyList<string> documents, IReadOnlyList<string?> automationIds)
    {
        if (documents.Count == 0) throw new ArgumentException("no SARIF documents", nameof(documents));
        var runs = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            foreach (var run in Runs(documents[i])) runs.Add(WithAutomationId(run, automationIds[i]));
        }
        var (start, end) = RunsArray(documents[0]);
        var first = documents[0];
        return first.Substring(0, start + 1) + "\n" + string.Join(",\n", runs) + "\n" + first.Substring(end);
    }

    /// <summary>The text of each object in the top-level <c>runs</c> array.</summary>
    public static List<string> Runs(string document)
    {
        var (start, end) = RunsArray(document);
        var runs = new List<string>();
        for (var i = start + 1; i < end; i++)
        {
            var c = document[i];
            if (c == '"') i = AfterString(document, i) - 1;
            else if (c == '{')
            {
                var close = MatchingClose(document, i);
                runs.Add(document.Substring(i, close - i + 1));
                i = close;
            }
        }
        return runs;
    }

    /// <summary>
    /// Sets <c>"automationDetails": {"id": …}</c> on the run, unless <paramref name="id"/> is null. The CLI
    /// writes its own default category (<c>bytecodelint/</c>) on every run; the task knows how many runs it
    /// merges, so its id replaces that one: two runs with one category are rejected by code scanning.
    /// </summary>
    public static string WithAutomationId(string run, string? id)
    {
        if (id == null) return run;
        if (MiniJson.Parse(run) is Dictionary<string, object?> parsed && parsed.ContainsKey("automationDetails"))
        {
            var key = run.IndexOf("\"automationDetails\"", StringComparison.Ordinal);
            var value = run.IndexOf('{', key);
            var close = MatchingClose(run, value);
            return run.Substring(0, value) + "{ \"id\": \"" + Escape(id) + "\" }" + run.Substring(close + 1);
        }
        var open = run.IndexOf('{');
        return run.Substring(0, open + 1) + "\"automationDetails\": { \"id\": \"" + Escape(id) + "\" }," + run.Substring(open + 1);
    }

    /// <summary>Offsets of the <c>[</c> and <c>]</c> of the root object's <c>runs</c> property.</summary>
    private static (int Start, int End) RunsArray(string document)
    {
        var depth = 0;
        string? lastKey = null;
        for (var i = 0; i < document.Length; i++)
        {
            var c = document[i];
            switch (c)
            {
                case '"':
                    var after = AfterString(document, i);
                    if (depth == 1) lastKey = document.Substring(i + 1, after - i - 2);
                    i = after - 1;
                    break;
                case '[' when depth == 1 && lastKey == "runs":
                    return (i, MatchingClose(document, i));
                case '{':
                case '[':
                    depth++;
                    break;
                case '}':
                case ']':
                    depth--;
                    break;
                case ',' when depth == 1:
                    lastKey = null;
                    break;
            }
        }
        throw new FormatException("not a SARIF log (no top-level 'runs' array)");
    }

    private static int MatchingClose(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"') i = AfterString(text, i) - 1;
            else if (c == '{' || c == '[') depth++;
            else if ((c == '}' || c == ']') && --depth == 0) return i;
        }
        throw new FormatException("unbalanced JSON at offset " + open.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The offset just past the closing quote of the string that opens at <paramref name="quote"/>.</summary>
    private static int AfterString(string text, int quote)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '"') return i + 1;
        }
        throw new FormatException("unterminated JSON string at offset " + quote.ToString(CultureInfo.InvariantCulture));
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == '"' || c == '\\') builder.Append('\\').Append(c);
            else if (c < ' ') builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }
}

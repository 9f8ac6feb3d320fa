using System.Text;

namespace BytecodeLint.Cli;

/// <summary>
/// Standard output that turns an I/O failure (a full disk, a closed pipe) into a user-facing error
/// (exit 2, "cannot write to standard output: …") instead of an unexpected exception (exit 3, "a bug").
/// </summary>
internal sealed class StandardOutput(TextWriter inner) : TextWriter
{
    private readonly TextWriter _inner = inner;

    public override Encoding Encoding => _inner.Encoding;

    /// <summary>True when <paramref name="writer"/> is the process's console output (so colour may apply).</summary>
    public static bool IsConsole(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) || (writer is StandardOutput guarded && ReferenceEquals(guarded._inner, Console.Out));

    public override IFormatProvider FormatProvider => _inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => _inner.NewLine;
        set => _inner.NewLine = value;
    }

    public override void Write(char value) => Guard(() => _inner.Write(value));

    public override void Write(string? value) => Guard(() => _inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => _inner.WriteLine(value));

    public override void WriteLine() => Guard(_inner.WriteLine);

    public override void Flush() => Guard(_inner.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new UserErrorException("cannot write to standard output: " + e.Message);
        }
    }
}

using System.IO.Compression;
using System.Text;

namespace BytecodeLint.Metaspace.Reading;

/// <summary>Opens a log for streaming; gzip is recognised by its magic bytes, not by the file name.</summary>
public static class LogFile
{
    /// <summary>Opens <paramref name="path"/> as text, decompressing on the fly when it starts with 1F 8B.</summary>
    public static TextReader OpenText(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        try
        {
            return OpenText(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Wraps <paramref name="stream"/> (which it then owns) as text, decompressing gzip.</summary>
    public static TextReader OpenText(Stream stream)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        Stream content = IsGzip(buffered) ? new GZipStream(buffered, CompressionMode.Decompress) : buffered;
        // Logs are ASCII in practice; invalid bytes become U+FFFD instead of failing the read.
        return new StreamReader(content, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    private static bool IsGzip(BufferedStream stream)
    {
        // BufferedStream over a non-seekable stream cannot rewind, so peek through a seekable one only.
        if (!stream.CanSeek)
            return false;
        var start = stream.Position;
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }
}

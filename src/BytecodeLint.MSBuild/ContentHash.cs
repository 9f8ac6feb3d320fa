using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace BytecodeLint.MSBuild;

/// <summary>
/// Builds the cache key of one CLI run: SHA-256 over everything that can change its report (input
/// file contents, option strings, config file contents, the file names under source roots, the CLI's
/// own assemblies). Timestamps are deliberately left out, so touching a jar or a fresh checkout
/// still hits the cache, while any byte change misses it.
/// </summary>
internal sealed class ContentHash : IDisposable
{
    private readonly SHA256 _sha = SHA256.Create();
    private readonly byte[] _buffer = new byte[81920];

    public void AddString(string label, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(label + "\0" + value + "\0");
        _sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
    }

    /// <summary>Adds a file's contents, or every file under a folder (relative names and contents, in ordinal order).</summary>
    public void AddPathContents(string label, string path)
    {
        if (File.Exists(path))
        {
            AddFile(label, path);
        }
        else if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                AddFile(label + ":" + file.Substring(path.Length), file);
            }
        }
        else
        {
            AddString(label, "<missing>");
        }
    }

    /// <summary>Adds only the names of the files under a folder: source mapping depends on which files exist, not on their text.</summary>
    public void AddFileNames(string label, string folder)
    {
        if (!Directory.Exists(folder))
        {
            AddString(label, "<missing>");
            return;
        }
        var names = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => f.Substring(folder.Length))
            .OrderBy(f => f, StringComparer.Ordinal);
        AddString(label, string.Join("\n", names));
    }

    /// <summary>Finishes the hash as 64 lower-case hex digits.</summary>
    public string Finish()
    {
        _sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        var builder = new StringBuilder(64);
        foreach (var b in _sha.Hash) builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    public void Dispose() => _sha.Dispose();

    private void AddFile(string label, string path)
    {
        AddString(label, "file");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, _buffer.Length, FileOptions.SequentialScan);
        int read;
        while ((read = stream.Read(_buffer, 0, _buffer.Length)) > 0) _sha.TransformBlock(_buffer, 0, read, null, 0);
        AddString(label, "end " + stream.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The CLI's assemblies, whose bytes define the "tool version" part of the key.</summary>
    public static IEnumerable<string> ToolFiles(string cliAssembly)
    {
        var folder = Path.GetDirectoryName(cliAssembly) ?? ".";
        return Directory.EnumerateFiles(folder, "*.dll")
            .Concat(Directory.EnumerateFiles(folder, "*.json"))
            .OrderBy(f => f, StringComparer.Ordinal);
    }
}

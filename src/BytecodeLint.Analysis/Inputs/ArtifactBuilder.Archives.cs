using System.Text;

namespace BytecodeLint.Analysis.Inputs;

internal sealed partial class ArtifactBuilder
{
    private const string ManifestName = "META-INF/MANIFEST.MF";

    /// <summary>
    /// Lists one archive in central-directory order: <c>*.class</c> entries become class entries, and so
    /// do class files under a hidden name (<see cref="HiddenClassFiles"/>, decided by their content);
    /// <c>*.jar</c> entries are opened and walked in place (depth first), everything else is only named.
    /// </summary>
    private void WalkArchive(ReadOnlyMemory<byte> zip, ZipLayout layout, string location, int depth, bool versionedParent)
    {
        int slot = _archives.Count;
        _archives.Add(null);                             // this archive precedes the nested ones it contains
        string prefix = location + "!/";
        var names = new List<string>();
        ZipEntryRecord? manifest = null;

        int position = layout.DirectoryStart;
        while (position < layout.DirectoryEnd)
        {
            if (!TakeEntryBudget(location))
                break;
            ReadOnlySpan<byte> span = zip.Span;
            if (!ZipEntryRecord.TryRead(span, position, layout.DirectoryEnd, out ZipEntryRecord record, out int next, out string error))
            {
                Report(location, position, InputProblemKind.Unreadable, error + "; the rest of this central directory is skipped");
                break;
            }

            position = next;
            ReadOnlySpan<byte> nameBytes = span.Slice(record.NameOffset, record.NameLength);
            string name = Encoding.UTF8.GetString(nameBytes);
            names.Add(name);
            if (nameBytes.EndsWith(ZipFormat.ClassSuffix))
            {
                if (TryAdmit(zip, layout, ref record, prefix, name, _limits.MaxClassEntryBytes, "class entry", out ZipEntryData data))
                    _classes.Add(new ClassEntry(prefix, name, data, versionedParent));
            }
            else if (HiddenClassFiles.IsCandidate(nameBytes))
            {
                AdmitHiddenClass(zip, layout, ref record, prefix, name, versionedParent);
            }
            else if (nameBytes.EndsWith(ZipFormat.JarSuffix))
            {
                OpenNestedJar(zip, layout, ref record, prefix + name, depth + 1, versionedParent || MultiRelease.IsVersionedPath(name));
            }
            else if (manifest == null && name.Equals(ManifestName, StringComparison.OrdinalIgnoreCase))
            {
                manifest = record;
            }
        }

        IReadOnlyDictionary<string, string>? attributes = null;
        if (manifest is { } manifestRecord)
            attributes = ReadManifest(zip, layout, manifestRecord, prefix + Encoding.UTF8.GetString(zip.Span.Slice(manifestRecord.NameOffset, manifestRecord.NameLength)));
        _archives[slot] = new ArchiveInfo(location, depth, layout.BaseOffset, names, attributes);
    }

    /// <summary>
    /// A class file under another name (<see cref="HiddenClassFiles"/>): a class entry when its content
    /// starts with the class-file magic, otherwise a resource (its inflation budget given back).
    /// </summary>
    private void AdmitHiddenClass(ReadOnlyMemory<byte> zip, ZipLayout layout, ref ZipEntryRecord record, string prefix, string name, bool versionedParent)
    {
        if (!TryAdmit(zip, layout, ref record, prefix, name, _limits.MaxClassEntryBytes, "class entry", out ZipEntryData data))
            return;
        bool isClass;
        try
        {
            isClass = data.StartsWithClassMagic(prefix + name);
        }
        catch (EntryReadException e)
        {
            _problems.Add(e.ToProblem());
            isClass = false;
        }
        if (isClass)
            _classes.Add(new ClassEntry(prefix, name, data, versionedParent));
        else if (data.Method == ZipFormat.MethodDeflated)
            _inflateBudget += data.UncompressedSize;
    }

    private void OpenNestedJar(ReadOnlyMemory<byte> zip, ZipLayout layout, ref ZipEntryRecord record, string location, int depth, bool versioned)
    {
        if (depth > _limits.MaxNestingDepth)
        {
            Report(location, record.RecordOffset, InputProblemKind.LimitExceeded,
                $"nested jar at depth {depth} exceeds the nesting limit of {_limits.MaxNestingDepth}; not opened");
            return;
        }

        if (!TryAdmit(zip, layout, ref record, location, "", _limits.MaxNestedArchiveBytes, "nested jar", out ZipEntryData data))
            return;

        ReadOnlyMemory<byte> nested;
        try
        {
            nested = data.ReadToOwnedMemory(location, out IDisposable? owner);
            if (owner is not null) _owned.Add(owner);
        }
        catch (EntryReadException e)
        {
            _problems.Add(e.ToProblem());
            return;
        }

        if (!ZipLayout.TryLocate(nested.Span, out ZipLayout nestedLayout, out string error, out long offset))
        {
            Report(location, offset, InputProblemKind.Unreadable, "nested jar " + error);
            return;
        }

        WalkArchive(nested, nestedLayout, location, depth, versioned);
    }

    private IReadOnlyDictionary<string, string>? ReadManifest(ReadOnlyMemory<byte> zip, ZipLayout layout, ZipEntryRecord record, string location)
    {
        if (!TryAdmit(zip, layout, ref record, location, "", _limits.MaxClassEntryBytes, "manifest", out ZipEntryData data))
            return null;
        try
        {
            using EntryBytes bytes = data.Read(location, "");
            return ManifestParser.ParseMainAttributes(bytes.Span);
        }
        catch (EntryReadException e)
        {
            _problems.Add(e.ToProblem());
            return null;
        }
    }

    /// <summary>
    /// Checks an entry we are going to read (method, limits, bounds) and charges its inflation
    /// to the input's budget. Reports a problem and returns false when it must be skipped.
    /// </summary>
    private bool TryAdmit(ReadOnlyMemory<byte> zip, ZipLayout layout, ref ZipEntryRecord record, string prefix, string name,
        long maxBytes, string what, out ZipEntryData data)
    {

        data = default;
        ReadOnlySpan<byte> span = zip.Span;
        if (!record.ResolveZip64(span, out string zip64Error))
            return Fail(prefix + name, record.RecordOffset, InputProblemKind.Unreadable, zip64Error);
        if ((record.Flags & ZipFormat.FlagEncrypted) != 0)
            return Fail(prefix + name, record.RecordOffset, InputProblemKind.UnsupportedEntry, "encrypted entries are not supported");
        if (record.Method is not (ZipFormat.MethodStored or ZipFormat.MethodDeflated))
            return Fail(prefix + name, record.RecordOffset, InputProblemKind.UnsupportedEntry, $"compression method {record.Method} is not supported (only STORED and DEFLATED)");

        ulong size = record.UncompressedSize, compressed = record.CompressedSize;
        maxBytes = Math.Min(maxBytes, Array.MaxLength);   // one entry is one array (or one slice) at most
        if (size > (ulong)maxBytes)
            return Fail(prefix + name, record.RecordOffset, InputProblemKind.LimitExceeded, $"{what} of {size} bytes exceeds the limit of {maxBytes} bytes");
        if (record.Method == ZipFormat.MethodDeflated && (long)size > _limits.CompressionRatioThresholdBytes
            && size > _limits.MaxCompressionRatio * Math.Max(1UL, compressed))
            return Fail(prefix + name, record.RecordOffset, InputProblemKind.LimitExceeded,
                $"compression ratio {(double)size / Math.Max(1UL, compressed):0}:1 ({compressed} to {size} bytes) exceeds the limit of {_limits.MaxCompressionRatio:0.##}:1");
        if (record.Method == ZipFormat.MethodStored && compressed != size)
            return Fail(prefix + name, record.RecordOffset, InputProblemKind.Unreadable, $"stored entry declares compressed size {compressed} but uncompressed size {size}");

        // Bounds that need only the central directory; the local header itself is checked when the entry is read.
        ulong header = (ulong)layout.BaseOffset + record.LocalHeaderOffset;
        if (record.LocalHeaderOffset > (ulong)span.Length || compressed > (ulong)span.Length
            || header + ZipFormat.LocalHeaderSize + compressed > (ulong)span.Length)
            return Fail(prefix + name, record.RecordOffset, InputProblemKind.Unreadable,
                $"local header at offset {header} and {compressed} bytes of data do not fit in the archive ({span.Length} bytes)");

        if (record.Method == ZipFormat.MethodDeflated)
        {
            if ((long)size > _inflateBudget)
                return Fail(prefix + name, record.RecordOffset, InputProblemKind.LimitExceeded,
                    $"inflating {size} more bytes would exceed the limit of {_limits.MaxTotalInflatedBytes} inflated bytes for this input");
            _inflateBudget -= (long)size;
        }

        data = new ZipEntryData(zip, (int)header, (int)compressed, record.Method, (int)size);
        return true;
    }

    private bool Fail(string location, long offset, InputProblemKind kind, string message)
    {
        Report(location, offset, kind, message);
        return false;
    }

    private bool TakeEntryBudget(string location)
    {
        if (_entryBudget > 0)
        {
            _entryBudget--;
            return true;
        }

        if (!_entryBudgetExhausted)
        {
            _entryBudgetExhausted = true;
            Report(location, null, InputProblemKind.LimitExceeded,
                $"more than {_limits.MaxTotalEntries} zip entries in this input; the remaining entries are skipped");
        }

        return false;
    }
}

using System.IO.Enumeration;

namespace BytecodeLint.Analysis.Inputs;

internal sealed partial class ArtifactBuilder
{
    /// <summary>One regular file found under the scanned directory.</summary>
    private readonly record struct FoundFile(string RelativePath, string FullPath, long Length);

    /// <summary>One child of a directory being listed.</summary>
    private readonly record struct Child(string Name, bool IsDirectory, bool IsLink, long Length);

    /// <summary>
    /// Walks a directory the way PeerScan does: every regular file below it, symbolic links neither
    /// followed nor listed, sorted by relative path (ordinal, <c>/</c>-separated); <c>*.class</c> files are
    /// class entries (so are class files under a hidden name, <see cref="HiddenClassFiles"/>, by content) and <c>*.jar</c> files are mapped and walked as nested jars at depth 1.
    /// </summary>
    private void AddDirectory()
    {
        var files = new List<FoundFile>();
        var pending = new Stack<(string Full, string Relative)>();
        pending.Push((_inputPath, ""));
        while (pending.Count > 0)
        {
            (string full, string relative) = pending.Pop();
            foreach (Child child in ListChildren(full, relative))
            {
                string childRelative = relative.Length == 0 ? child.Name : relative + "/" + child.Name;
                string childFull = Path.Combine(full, child.Name);
                if (child.IsLink)
                    continue;
                if (child.IsDirectory)
                    pending.Push((childFull, childRelative));
                else
                    files.Add(new FoundFile(childRelative, childFull, child.Length));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        foreach (FoundFile file in files)
        {
            string location = DirectoryLocation(file.RelativePath);
            if (file.RelativePath.EndsWith(".class", StringComparison.Ordinal))
            {
                if (file.Length > _limits.MaxClassEntryBytes)
                    Report(location, null, InputProblemKind.LimitExceeded, $"class file of {file.Length} bytes exceeds the limit of {_limits.MaxClassEntryBytes} bytes");
                else
                    _classes.Add(new ClassEntry(location, file.RelativePath, file.FullPath, file.Length, _limits.MaxClassEntryBytes));
            }
            else if (HiddenClassFiles.IsCandidate(file.RelativePath) && file.Length <= _limits.MaxClassEntryBytes && FileStartsWithClassMagic(file, location))
            {
                _classes.Add(new ClassEntry(location, file.RelativePath, file.FullPath, file.Length, _limits.MaxClassEntryBytes));
            }
            else if (file.RelativePath.EndsWith(".jar", StringComparison.Ordinal))
            {
                AddJarFile(file, location);
            }
        }
    }

    /// <summary>Reads the first four bytes of a file named like a hidden class file; an unreadable file is reported and skipped.</summary>
    private bool FileStartsWithClassMagic(FoundFile file, string location)
    {
        if (file.Length < 4)
            return false; // never open an empty file: it may be a FIFO
        Span<byte> head = stackalloc byte[4];
        try
        {
            using var handle = File.OpenHandle(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            return RandomAccess.Read(handle, head, 0) == 4 && HiddenClassFiles.HasClassMagic(head);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(location, null, InputProblemKind.Unreadable, "cannot read: " + e.Message.TrimEnd('.'));
            return false;
        }
    }

    private void AddJarFile(FoundFile file, string location)
    {
        if (_limits.MaxNestingDepth < 1)
        {
            Report(location, null, InputProblemKind.LimitExceeded, $"jar at depth 1 exceeds the nesting limit of {_limits.MaxNestingDepth}; not opened");
            return;
        }

        MappedFile mapping;
        try
        {
            mapping = MappedFile.Open(file.FullPath, file.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(location, null, InputProblemKind.Unreadable, "cannot read: " + e.Message.TrimEnd('.'));
            return;
        }

        _mappings.Add(mapping);
        if (!ZipLayout.TryLocate(mapping.Memory.Span, out ZipLayout layout, out string error, out long offset))
        {
            Report(location, offset, InputProblemKind.Unreadable, "jar " + error);
            return;
        }

        WalkArchive(mapping.Memory, layout, location, depth: 1, versionedParent: MultiRelease.IsVersionedPath(file.RelativePath));
    }

    /// <summary>The path as the user gave it, joined to the relative path with <c>/</c>.</summary>
    private string DirectoryLocation(string relativePath) =>
        _inputPath.EndsWith('/') || _inputPath.EndsWith(Path.DirectorySeparatorChar) ? _inputPath + relativePath : _inputPath + "/" + relativePath;

    private List<Child> ListChildren(string directory, string relative)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            AttributesToSkip = 0,                        // PeerScan lists hidden files too
            IgnoreInaccessible = false,
            ReturnSpecialDirectories = false,
        };
        try
        {
            var children = new FileSystemEnumerable<Child>(directory,
                (ref FileSystemEntry entry) => new Child(
                    entry.FileName.ToString(),
                    entry.IsDirectory,
                    (entry.Attributes & FileAttributes.ReparsePoint) != 0,
                    entry.IsDirectory ? 0 : entry.Length),
                options);
            return children.ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The input itself unreadable is a user error (exit 2); a subfolder is one problem among the rest.
            if (relative.Length == 0)
                throw new InputException(_inputPath, "cannot list directory: " + e.Message.TrimEnd('.'), e);
            Report(DirectoryLocation(relative), null, InputProblemKind.Unreadable, "cannot list directory: " + e.Message.TrimEnd('.'));
            return [];
        }
    }
}

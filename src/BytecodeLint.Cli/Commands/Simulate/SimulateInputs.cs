using BytecodeLint.Analysis.Inputs;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Cli.Commands.Simulate;

/// <summary>One class to simulate: the class as loaded and the class the agent returns.</summary>
internal sealed record SimulatePair(string Location, JavaClass Original, JavaClass Transformed, bool Identical);

/// <summary>A class that could not be simulated (unreadable entry, present on one side only).</summary>
internal sealed record SimulateProblem(string Location, string Message);

/// <summary>
/// The pairs of <c>simulate ORIGINAL TRANSFORMED</c>: two class files, or two jars/folders whose
/// classes are matched by entry path. Identical classes of a jar pair are counted, not simulated.
/// </summary>
internal sealed class SimulateInputs
{
    public List<SimulatePair> Pairs { get; } = [];

    public List<SimulateProblem> Problems { get; } = [];

    public int Unchanged { get; private set; }

    public List<string> OnlyInOriginal { get; } = [];

    public List<string> OnlyInTransformed { get; } = [];

    /// <summary>True when both inputs are single class files (the result is one object, not a list).</summary>
    public bool IsClassPair { get; private set; }

    public static SimulateInputs Load(string originalPath, string transformedPath)
    {
        var inputs = new SimulateInputs();
        if (IsClassFile(originalPath) && IsClassFile(transformedPath))
        {
            inputs.IsClassPair = true;
            var original = ReadClassFile(originalPath);
            var transformed = ReadClassFile(transformedPath);
            inputs.Pairs.Add(new SimulatePair(original.Name, JavaClass.Parse(original.Bytes), JavaClass.Parse(transformed.Bytes),
                original.Bytes.AsSpan().SequenceEqual(transformed.Bytes)));
            return inputs;
        }
        var originals = ReadArtifact(originalPath, inputs.Problems);
        var transformeds = ReadArtifact(transformedPath, inputs.Problems);
        foreach (var (entry, bytes) in originals)
        {
            if (!transformeds.TryGetValue(entry, out var other))
            {
                inputs.OnlyInOriginal.Add(entry);
                continue;
            }
            if (bytes.AsSpan().SequenceEqual(other))
            {
                inputs.Unchanged++;
                continue;
            }
            var original = TryParse(originalPath, entry, bytes, inputs.Problems);
            var transformed = TryParse(transformedPath, entry, other, inputs.Problems);
            if (original is not null && transformed is not null) inputs.Pairs.Add(new SimulatePair(entry, original, transformed, false));
        }
        inputs.OnlyInTransformed.AddRange(transformeds.Keys.Where(k => !originals.ContainsKey(k)));
        return inputs;
    }

    private static bool IsClassFile(string path) =>
        File.Exists(path) && path.EndsWith(".class", StringComparison.OrdinalIgnoreCase);

    private static (string Name, byte[] Bytes) ReadClassFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"{path}: cannot read: {e.Message}");
        }
        try
        {
            return (JavaClass.Parse(bytes).Name, bytes);
        }
        catch (ClassFormatException e)
        {
            throw new UserErrorException($"{path}: {e.Message}");
        }
    }

    /// <summary>Every class entry of a jar or folder by entry path (the base entry wins over a duplicate).</summary>
    private static SortedDictionary<string, byte[]> ReadArtifact(string path, List<SimulateProblem> problems)
    {
        var classes = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var artifact = Artifact.Open(path);
            foreach (var problem in artifact.Problems) problems.Add(new SimulateProblem(problem.Location, problem.Message));
            foreach (var entry in artifact.ClassEntries)
            {
                try
                {
                    using var bytes = entry.Read();
                    classes.TryAdd(entry.EntryPath, bytes.Memory.ToArray());
                }
                catch (EntryReadException e)
                {
                    problems.Add(new SimulateProblem(entry.Location, e.Offset is { } offset ? $"{e.Message} (byte offset {offset})" : e.Message));
                }
            }
        }
        catch (InputException e)
        {
            throw new UserErrorException(e.Message);
        }
        return classes;
    }

    private static JavaClass? TryParse(string input, string entry, byte[] bytes, List<SimulateProblem> problems)
    {
        try
        {
            return JavaClass.Parse(bytes);
        }
        catch (ClassFormatException e)
        {
            problems.Add(new SimulateProblem(input + "!/" + entry, e.Message));
            return null;
        }
    }
}

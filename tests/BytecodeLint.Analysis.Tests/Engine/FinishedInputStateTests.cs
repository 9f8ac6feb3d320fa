using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Engine;

/// <summary>
/// A scan of many inputs keeps only each input's summary and findings: its artifact (mapping, entry
/// list, archive names) and the rules' per-artifact services are released when the input is done, so
/// memory does not grow with the number of inputs. (How much memory, and how fast: scripts/bench-scale.sh.)
/// </summary>
[Collection(nameof(ProcessWideGc))]
public class FinishedInputStateTests
{
    private static readonly string Jars = Path.Combine(RepoPaths.Root, "samples", "java", "jars");

    [Fact]
    public void Nothing_an_input_needed_outlives_it_but_its_summary_and_findings()
    {
        var probe = new Probe();
        string[] inputs = [.. new[] { "app.jar", "fat-app.jar", "agent-bad.jar" }.Select(n => Path.Combine(Jars, n))];
        var result = Scan(new ScanEngine([probe, .. RuleRegistry.CreateAnalyzers()], maxDegreeOfParallelism: 2), inputs);

        Assert.Equal(inputs, result.Inputs.Select(i => i.Path));
        Assert.NotEmpty(result.Diagnostics);
        Assert.Equal(2 * inputs.Length, probe.Held.Count);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.All(probe.Held, held => Assert.False(held.Reference.IsAlive, held.What + " outlived its input"));
        GC.KeepAlive(result);
    }

    [Fact]
    public void An_archive_is_unmapped_before_the_next_input_is_read()
    {
        if (!OperatingSystem.IsLinux()) return;   // the mappings are read from /proc/self/maps
        string folder = Directory.CreateTempSubdirectory("bl-unmapped-").FullName;
        try
        {
            string[] inputs = [.. Enumerable.Range(0, 3).Select(i => Path.Combine(folder, $"copy{i}.jar"))];
            foreach (string input in inputs) File.Copy(Path.Combine(Jars, "app.jar"), input);
            var mappedAtStart = new ConcurrentDictionary<string, string[]>();
            var probe = new Probe(start => mappedAtStart[start.Artifact.InputPath] = [.. inputs.Where(IsMapped)]);

            new ScanEngine([probe], maxDegreeOfParallelism: 1).Scan(inputs);

            // One at a time, so while input i is read only input i is mapped; after the scan, none is.
            Assert.All(inputs, input => Assert.Equal([input], mappedAtStart[input]));
            Assert.DoesNotContain(inputs, IsMapped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Scanning_inputs_one_at_a_time_changes_no_finding()
    {
        string[] inputs = [.. new[] { "widening.jar", "agent-rebuild.jar", "app.jar", "fat-app.jar", "agent-bad.jar", "hazard-indy.jar" }.Select(n => Path.Combine(Jars, n))];
        var usual = new ScanEngine(RuleRegistry.CreateAnalyzers(), maxDegreeOfParallelism: 2).Scan(inputs);
        // A budget of one byte: never two inputs at once.
        var frugal = new ScanEngine(RuleRegistry.CreateAnalyzers(), maxDegreeOfParallelism: 2) { SideBySideBudget = 1 }.Scan(inputs);

        Assert.NotEmpty(usual.Diagnostics);
        Assert.Equal(usual.Diagnostics.Select(Describe), frugal.Diagnostics.Select(Describe));
        Assert.Equal(usual.Inputs.Select(i => (i.Path, i.ClassBytes, i.Classes)), frugal.Inputs.Select(i => (i.Path, i.ClassBytes, i.Classes)));
    }

    [Fact]
    public void Class_bytes_are_the_uncompressed_sizes_the_archive_declares()
    {
        string jar = Path.Combine(Jars, "fat-app.jar");
        var summary = Assert.Single(new ScanEngine(RuleRegistry.CreateAnalyzers()).Scan([jar]).Inputs);

        Assert.Equal(DeclaredClassBytes(File.ReadAllBytes(jar)), summary.ClassBytes);
        Assert.True(summary.ClassBytes > 0);
    }

    /// <summary>Sums the sizes with System.IO.Compression, nested jars included, independently of the engine's zip reader.</summary>
    private static long DeclaredClassBytes(byte[] archive)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(archive));
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith(".class", StringComparison.Ordinal)) total += entry.Length;
            else if (entry.FullName.EndsWith(".jar", StringComparison.Ordinal))
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                total += DeclaredClassBytes(copy.ToArray());
            }
        }
        return total;
    }

    private static bool IsMapped(string path) => File.ReadLines("/proc/self/maps").Any(line => line.EndsWith(" " + path, StringComparison.Ordinal));

    // Not inlined, so no local of this frame keeps the engine's per-input objects reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ScanResult Scan(ScanEngine engine, string[] inputs) => engine.Scan(inputs);

    private static string Describe(Diagnostic d) => $"{d.Id} {d.Severity} {d.Location} {d.Message} {d.Evidence}";

    /// <summary>Holds weak references to what each input's scan created: the artifact and a per-artifact service.</summary>
    private sealed class Probe(Action<ArtifactStartContext>? atStart = null) : BytecodeAnalyzer
    {
        public ConcurrentBag<(string What, WeakReference Reference)> Held { get; } = [];

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalyzerRegistration registration) =>
            registration.RegisterArtifactStartAction(start =>
            {
                atStart?.Invoke(start);
                var service = start.Services.GetOrAdd(() => new PerArtifactState());
                Held.Add(($"{start.Artifact.InputPath}: artifact", new WeakReference(start.Artifact)));
                Held.Add(($"{start.Artifact.InputPath}: service", new WeakReference(service)));
                start.RegisterClassAction(c => service.Classes.Add(c.ClassName));
            });
    }

    private sealed class PerArtifactState
    {
        public ConcurrentBag<string> Classes { get; } = [];
    }
}

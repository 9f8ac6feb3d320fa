using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;
using Path = BytecodeLint.Analysis.HotSpot.NaNOverflowPrediction.NaNPredictionPath;

namespace BytecodeLint.Analysis.Tests.HotSpot;

/// <summary>
/// BL0004's overflow prediction is arithmetic (NaNOverflowPrediction), not a replay of the doubling
/// pools; these tests hold it to the step-by-step simulation it replaced, on byte-built classes
/// that vary every input the merge looks at.
/// </summary>
public sealed class NaNOverflowPredictionTests
{
    private static readonly JdkProfile[] Profiles =
        [JdkProfile.Any, JdkProfile.ForFeature(11), JdkProfile.ForFeature(17), JdkProfile.ForFeature(21), JdkProfile.ForFeature(25)];

    /// <summary>What NaNOverflowRetransforms computed before the closed form: the full simulation.</summary>
    private static int? BySimulation(JavaClass cls, JdkProfile profile, bool unverified)
    {
        var model = ClassModel.From(cls);
        if (model.Pool.NaNEntryCount == 0) return null;
        return HotSpotModel.Simulate(model, null, profile, HotSpotModel.NaNOverflowSearchLimit, unverified).OverflowAtRetransform;
    }

    private sealed record Shape(int PadTo, int NaNFloats, int NaNDoubles, int Longs, int OtherDoubles, bool CatchThrowable, bool NaNBootstrapArgument,
        int Major, bool LoadAll);

    private static JavaClass Build(Shape shape, int seed)
    {
        var b = ClassBuilder.Minimal("p/N" + seed);
        b.MajorVersion = shape.Major;
        var p = b.Pool;
        p.PadTo(shape.PadTo);
        var nan = new List<(int Index, bool Wide)>();
        // Distinct payloads: the builder shares identical entries, HotSpot's pool would not matter.
        for (int i = 0; i < shape.NaNFloats; i++) nan.Add((p.FloatBits(0x7fc00000u + (uint)i), false));
        for (int i = 0; i < shape.NaNDoubles; i++) nan.Add((p.DoubleBits(0x7ff8000000000000UL + (ulong)i), true));
        for (int i = 0; i < shape.Longs; i++) p.Long(1000L + i);
        for (int i = 0; i < shape.OtherDoubles; i++) p.Double(i == 0 ? -0.0 : i == 1 ? double.PositiveInfinity : i + 0.5);
        p.Float(0f);
        var code = new CodeBuilder();
        foreach (var (index, wide) in shape.LoadAll ? nan : nan.Take(1))
            code = wide ? code.Ldc2W(index).Op(CodeOpcodes.Pop2) : code.LdcW(index).Op(CodeOpcodes.Pop);
        if (shape.CatchThrowable)
        {
            // try { nothing } catch (Throwable t) { t.printStackTrace(); }: the JDK 17–21 leak appends
            // the Methodref and its Class on every retransform.
            int tryStart = code.Pc;
            code = code.Op(CodeOpcodes.Nop);
            int handler = code.Pc + 1;
            code = code.Return().InvokeVirtual(p.Methodref("java/lang/Throwable", "printStackTrace", "()V")).Return();
            int catchType = p.Class("java/lang/Throwable");
            b.Method(ClassAccess.Public | ClassAccess.Static, "run", "()V").Code(2, 1, code, c => c.Handler(tryStart, tryStart + 1, handler, catchType));
        }
        else
        {
            b.Method(ClassAccess.Public | ClassAccess.Static, "run", "()V").Code(2, 1, code.Return());
        }
        if (shape.NaNBootstrapArgument && nan.Count > 0)
        {
            int handle = p.MethodHandle(6, p.Methodref("p/B", "bsm", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;F)F"));
            p.Dynamic(0, "c", nan[0].Wide ? "D" : "F");
            b.Attributes.BootstrapMethods((handle, [nan[0].Index]));
        }
        return JavaClass.Parse(b.ToArray());
    }

    private static Shape RandomShape(Random random)
    {
        bool hasNaN = random.Next(8) != 0; // some classes hold no NaN and must stay null
        int floats = hasNaN ? random.Next(0, 5) : 0;
        int doubles = hasNaN ? random.Next(floats == 0 ? 1 : 0, 4) : 0;
        // Pool sizes from tiny to within a few entries of the u2 limit, where the answer drops to 1.
        int pad = random.Next(4) switch
        {
            0 => random.Next(1, 60),
            1 => random.Next(60, 2000),
            2 => random.Next(2000, 40000),
            _ => random.Next(60000, 65530),
        };
        return new Shape(pad, floats, doubles, random.Next(0, 3), random.Next(0, 4), random.Next(3) == 0, random.Next(6) == 0,
            random.Next(4) == 0 ? 49 : 61, random.Next(2) == 0);
    }

    [Fact]
    public void Prediction_equals_the_step_by_step_simulation_on_random_classes()
    {
        var random = new Random(20261122);
        var paths = new Dictionary<Path, int>();
        // Each simulation doubles a pool to ~65k–130k entries (~0.1 s in Debug): 32 classes keep this test a few seconds.
        for (int seed = 0; seed < 32; seed++)
        {
            var shape = RandomShape(random);
            var cls = Build(shape, seed);
            var profile = Profiles[random.Next(Profiles.Length)];
            bool unverified = random.Next(5) == 0;
            int? expected = BySimulation(cls, profile, unverified);
            int? predicted;
            if (shape.NaNFloats + shape.NaNDoubles > 0)
            {
                predicted = NaNOverflowPrediction.Retransforms(ClassModel.From(cls), profile, unverified, out var path);
                paths[path] = paths.GetValueOrDefault(path) + 1;
            }
            else
            {
                predicted = HotSpotModel.NaNOverflowRetransforms(cls, profile, unverified);
            }
            Assert.True(expected == predicted, $"{shape} on {profile}, unverified={unverified}: simulation {expected}, prediction {predicted}");
        }
        // The comparison is only worth something if each path was exercised.
        Assert.True(paths.GetValueOrDefault(Path.ClosedForm) >= 10, string.Join(", ", paths));
        Assert.True(paths.GetValueOrDefault(Path.NaNFreeSteps) >= 2, string.Join(", ", paths));
        Assert.True(paths.GetValueOrDefault(Path.FullSimulation) >= 2, string.Join(", ", paths));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    [InlineData(3, 2)]
    public void Simulated_pool_sizes_follow_n_plus_c_times_two_to_the_k_minus_one(int floats, int doubles)
    {
        // docs/design/hotspot.md §5: each retransform appends every NaN entry the pool holds, so the NaN slots
        // (float 1, double 2) double: n(k) = n₀ + c·(2^k − 1). The oracle: 29 + 3·(2^13 − 1) = 24,602.
        var cls = Build(new Shape(40, floats, doubles, 1, 1, false, false, 61, true), 0);
        int n0 = cls.ConstantPool.Count, c = floats + 2 * doubles;
        var sizes = HotSpotModel.Simulate(cls, null, JdkProfile.Any, 12).ConstantPoolSizes;
        Assert.Equal(Enumerable.Range(1, 12).Select(k => n0 + c * ((1 << k) - 1)), sizes);
    }

    [Fact]
    public void Throwable_leak_adds_its_linear_growth_on_jdk_17_to_21_only()
    {
        // 1 NaN float: n(k) = n₀ + (2^k − 1) + leak·k. Near the limit the leak's 2 per retransform
        // moves the overflow one retransform earlier on 17, not on 25.
        var probe = Build(new Shape(100, 1, 0, 0, 0, true, false, 61, true), 0);
        int after = probe.ConstantPool.Count - 100; // entries the builder adds past the padding
        // n₀ = 65,534: the first NaN copy reaches 65,535 exactly (no overflow), the leak's entries pass it.
        var cls = Build(new Shape(65534 - after, 1, 0, 0, 0, true, false, 61, true), 0);
        Assert.Equal(65534, cls.ConstantPool.Count);
        var jdk17 = JdkProfile.ForFeature(17);
        var jdk25 = JdkProfile.ForFeature(25);
        Assert.Equal(BySimulation(cls, jdk17, false), HotSpotModel.NaNOverflowRetransforms(cls, jdk17));
        Assert.Equal(BySimulation(cls, jdk25, false), HotSpotModel.NaNOverflowRetransforms(cls, jdk25));
        Assert.Equal(1, HotSpotModel.NaNOverflowRetransforms(cls, jdk17));
        Assert.Equal(2, HotSpotModel.NaNOverflowRetransforms(cls, jdk25));
        NaNOverflowPrediction.Retransforms(ClassModel.From(cls), jdk17, false, out var path17);
        NaNOverflowPrediction.Retransforms(ClassModel.From(cls), jdk25, false, out var path25);
        Assert.Equal(Path.NaNFreeSteps, path17);
        Assert.Equal(Path.ClosedForm, path25);
    }

    [Fact]
    public void Oracle_class_takes_the_closed_form()
    {
        var model = ClassModel.From(OracleCase.Load("nan-javac").Class("original.class"));
        Assert.Equal(15, NaNOverflowPrediction.Retransforms(model, JdkProfile.ForFeature(17), false, out var path));
        Assert.Equal(Path.ClosedForm, path);
    }

    [Fact]
    public void A_dynamic_constant_with_a_NaN_argument_falls_back_to_the_simulation()
    {
        var cls = Build(new Shape(10, 1, 0, 0, 0, false, true, 61, true), 0);
        int? answer = NaNOverflowPrediction.Retransforms(ClassModel.From(cls), JdkProfile.Any, false, out var path);
        Assert.Equal(Path.FullSimulation, path);
        Assert.Equal(BySimulation(cls, JdkProfile.Any, false), answer);
    }
}

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Every rule id BytecodeLint ships: the one place an id is written (a test checks that no other source
/// file spells one). Ids are never reused. BL00xx: bytecode that hurts retransformation; BL01xx: agent
/// packaging and java.lang.instrument use; BL9xxx: the engine's own findings about its inputs.
/// </summary>
public static class RuleIds
{
    /// <summary>catch (Throwable) pre-resolved by the verifier (JDK-8308762).</summary>
    public const string CatchThrowable = "BL0001";

    /// <summary>An enhancer rebuilds the constant pool of the classes it rewrites.</summary>
    public const string PoolRebuild = "BL0002";

    /// <summary>A method's stack map makes ldc widening expensive.</summary>
    public const string ExpensiveWidening = "BL0003";

    /// <summary>A NaN constant makes every retransform double the constant pool.</summary>
    public const string NaNConstant = "BL0004";

    /// <summary>Lambda (and, on JDK 23+, type-switch) invokedynamic sites re-link and spin a class after every retransform.</summary>
    public const string IndyRelink = "BL0005";

    /// <summary>A transformed class differs in shape from its original: the retransform throws.</summary>
    public const string ShapeChange = "BL0006";

    /// <summary>A constant pool holds both signed zeros of one type.</summary>
    public const string SignedZeros = "BL0007";

    /// <summary>retransformClasses/redefineClasses without the manifest capability.</summary>
    public const string MissingCapability = "BL0101";

    /// <summary>The agent class named by the manifest is missing or has no valid entry point.</summary>
    public const string BadEntryPoint = "BL0102";

    /// <summary>A Boot-Class-Path entry is not in the distribution.</summary>
    public const string MissingBootClassPath = "BL0103";

    /// <summary>A transformer is not retransform-capable although the agent retransforms.</summary>
    public const string NotRetransformCapable = "BL0104";

    /// <summary>retransformClasses runs in a loop or a periodic task.</summary>
    public const string RetransformLoop = "BL0105";

    /// <summary>transform writes into its classfileBuffer argument.</summary>
    public const string WritesClassfileBuffer = "BL0106";

    /// <summary>transform returns its classfileBuffer argument instead of null.</summary>
    public const string ReturnsClassfileBuffer = "BL0107";

    /// <summary>appendToBootstrapClassLoaderSearch at run time turns off class-data sharing outside the boot loader.</summary>
    public const string BootSearchAppend = "BL0108";

    /// <summary>A class file or archive entry cannot be read.</summary>
    public const string UnreadableClass = "BL9001";

    /// <summary>An archive limit was reached.</summary>
    public const string LimitExceeded = "BL9002";

    /// <summary>A rule failed on a class.</summary>
    public const string AnalyzerFailure = "BL9003";

    /// <summary>A suppression matches no finding.</summary>
    public const string UnusedSuppression = "BL9004";

    /// <summary>An input holds no class file.</summary>
    public const string EmptyInput = "BL9005";

    /// <summary>Where rule pages are published; the same Markdown ships inside the assembly for <c>explain</c>.</summary>
    public const string HelpBaseUri = "https://github.com/bytecodelint/bytecodelint/blob/main/docs/rules/";

    /// <summary>The help link of a rule: its page.</summary>
    public static string HelpLink(string id) => HelpBaseUri + id + ".md";
}

using BytecodeLint.Analysis.Flow;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// Calls that block until a request arrives from outside the agent: a loop around one of them runs
/// once per request (accept, read, dispatch), not by itself. BL0105 tells such a loop from a loop or
/// timer that repeats retransformation on its own.
/// </summary>
internal static class AgentRequestApis
{
    /// <summary>
    /// Blocking receives by owner (internal name) and method names. Matched on the owner as written at
    /// the call site: a subclass named there (a custom <c>InputStream</c>) is not recognised.
    /// </summary>
    private static readonly Dictionary<string, string[]> Receives = new(StringComparer.Ordinal)
    {
        ["java/net/ServerSocket"] = ["accept"],
        ["java/nio/channels/ServerSocketChannel"] = ["accept"],
        ["java/nio/channels/Selector"] = ["select"],
        ["java/net/DatagramSocket"] = ["receive"],
        ["java/io/InputStream"] = ["read"],
        ["java/io/DataInputStream"] = ["read", "readFully", "readUTF", "readInt", "readLine"],
        ["java/io/ObjectInputStream"] = ["readObject", "readUTF", "readInt"],
        ["java/io/BufferedInputStream"] = ["read"],
        ["java/io/Reader"] = ["read"],
        ["java/io/BufferedReader"] = ["readLine", "read"],
        ["java/io/InputStreamReader"] = ["read"],
        ["java/io/Console"] = ["readLine"],
        ["java/util/Scanner"] = ["next", "nextLine", "nextInt", "hasNext", "hasNextLine"],
        ["java/util/concurrent/BlockingQueue"] = ["take"],
        ["java/util/concurrent/LinkedBlockingQueue"] = ["take"],
        ["java/util/concurrent/ArrayBlockingQueue"] = ["take"],
        ["java/util/concurrent/SynchronousQueue"] = ["take"],
        ["java/util/concurrent/BlockingDeque"] = ["take", "takeFirst", "takeLast"],
        ["java/util/concurrent/LinkedBlockingDeque"] = ["take", "takeFirst", "takeLast"],
        ["java/nio/file/WatchService"] = ["take"],
    };

    /// <summary>True when the call blocks until a client, a line, a message or an event arrives.</summary>
    public static bool IsReceive(CallSite call) =>
        call.Opcode != Opcode.Invokedynamic
        && Receives.TryGetValue(call.Target.Owner, out var names) && Array.IndexOf(names, call.Target.Name) >= 0;

    /// <summary>Describes a receive for messages: <c>ServerSocket.accept</c>.</summary>
    public static string Describe(MethodKey target) => AgentApis.Describe(target);
}

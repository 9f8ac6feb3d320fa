namespace BytecodeLint.Cli;

public static class Program
{
    public static int Main(string[] args) => BytecodeLintApp.Run(args, Console.Out, Console.Error);
}

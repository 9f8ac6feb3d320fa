using BytecodeLint.Cli.Terminal;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Tests;

public class ScanTerminalTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Progress_only_on_an_interactive_non_ci_terminal()
    {
        Assert.True(TerminalPolicy.ShowProgress(false, Env(), Verbosity.Normal));
        Assert.False(TerminalPolicy.ShowProgress(true, Env(), Verbosity.Normal));
        Assert.False(TerminalPolicy.ShowProgress(false, Env(("CI", "true")), Verbosity.Normal));
        Assert.False(TerminalPolicy.ShowProgress(false, Env(("TERM", "dumb")), Verbosity.Detailed));
        Assert.False(TerminalPolicy.ShowProgress(false, Env(), Verbosity.Quiet));
    }

    [Fact]
    public void Colour_only_on_a_terminal_without_no_color()
    {
        Assert.True(TerminalPolicy.UseColor(false, Env()));
        Assert.False(TerminalPolicy.UseColor(true, Env()));
        Assert.False(TerminalPolicy.UseColor(false, Env(("NO_COLOR", "1"))));
        Assert.True(TerminalPolicy.UseColor(false, Env(("NO_COLOR", ""))));
    }

    [Fact]
    public void Colour_marks_only_the_severity_of_finding_lines()
    {
        var output = new StringWriter { NewLine = "\n" };
        using (var writer = new ColorTextWriter(output))
        {
            writer.WriteLine("app.jar: 3 classes");
            writer.WriteLine("  error BL0004: x");
            writer.Write("  warning BL0001: y");
        }
        Assert.Equal("app.jar: 3 classes\n  \u001b[31;1merror\u001b[0m BL0004: x\n  \u001b[33mwarning\u001b[0m BL0001: y", output.ToString());
    }

    [Fact]
    public void Progress_line_shows_files_classes_and_throughput()
    {
        string line = ProgressDisplay.Format(1, 3, 12345, 50_000_000, TimeSpan.FromSeconds(2), "/x/lib/app.jar");
        Assert.Equal("scanning [2/3] app.jar: 12,345 classes, 25.0 MB/s, 2 s", line);
    }

    [Fact]
    public void Progress_display_erases_what_it_drew()
    {
        var progress = new BytecodeLint.Analysis.Engine.ScanProgress();
        progress.StartInput("a.jar");
        progress.ClassRead(1000);
        var stderr = new StringWriter();
        using (var display = new ProgressDisplay(progress, stderr, 1))
        {
            display.Draw(); // the timer would draw after a second; call it directly
        }
        string text = stderr.ToString();
        Assert.Contains("scanning [1/1] a.jar: 1 classes", text);
        Assert.EndsWith("\r", text);
        Assert.Equal(text.TrimEnd('\r').Length, text.Length - 1);
    }
}

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
        var snapshot = new ProgressDisplay.Snapshot(1, 3, 12345, 50_000_000, null, TimeSpan.FromSeconds(2), ["/x/lib/app.jar"]);
        Assert.Equal("scanning [2/3] app.jar: 12,345 classes, 25.0 MB/s, 2 s", ProgressDisplay.Format(snapshot));
    }

    [Fact]
    public void Progress_line_shows_a_bar_percentage_time_left_and_every_input_in_progress()
    {
        var snapshot = new ProgressDisplay.Snapshot(0, 3, 20207, 40_000_000, 0.25, TimeSpan.FromSeconds(4), ["/j/kotlin-compiler.jar", "/j/guava.jar"]);
        Assert.Equal("scanning [#####...............]  25% [1/3] kotlin-compiler.jar +1: 20,207 classes, 10.0 MB/s, 4 s, about 12 s left",
            ProgressDisplay.Format(snapshot));
    }

    [Theory]
    [InlineData(50, 100, 10, 10, true, 0.5)]       // every input open: exact
    [InlineData(50, 100, 10, 40, false, 0.125)]    // a quarter of the disk bytes open: total scaled to 400
    [InlineData(100, 100, 10, 10, true, 0.99)]     // never 100 % before the report
    public void Fraction_uses_opened_inputs_and_scales_the_rest_by_disk_size(long read, long expected, long openedDisk, long allDisk, bool allOpened, double fraction) =>
        Assert.Equal(fraction, ProgressDisplay.Fraction(read, expected, openedDisk, allDisk, allOpened)!.Value, 6);

    [Fact]
    public void Fraction_and_time_left_are_unknown_until_they_mean_something()
    {
        Assert.Null(ProgressDisplay.Fraction(0, 0, 0, 100, false));
        Assert.Null(ProgressDisplay.Remaining(0.5, TimeSpan.FromSeconds(1)));
        Assert.Null(ProgressDisplay.Remaining(0.001, TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(30), ProgressDisplay.Remaining(0.25, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Progress_display_names_the_inputs_in_progress_not_the_last_started()
    {
        // Defect 11: with inputs side by side the line named the input started last.
        using var folder = new TempFolder();
        string first = folder.File("kotlin.jar", new string('x', 1000)), second = folder.File("guava.jar", new string('x', 1000)), third = folder.File("asm.jar", new string('x', 1000));
        var progress = new BytecodeLint.Analysis.Engine.ScanProgress();
        progress.InputOpened(first, 4000);
        progress.StartInput(third);
        progress.InputOpened(third, 1000);
        progress.InputOpened(second, 3000);
        progress.InputDone(second);
        progress.ClassRead(2000);
        using var display = new ProgressDisplay(progress, new StringWriter(), [first, second, third]);
        var snapshot = display.Take();
        Assert.Equal([first, third], snapshot.Active);
        Assert.Equal(2000 / 8000.0, snapshot.Fraction!.Value, 6);
        Assert.Contains("kotlin.jar +1:", ProgressDisplay.Format(snapshot));
    }

    [Fact]
    public void Progress_display_erases_what_it_drew()
    {
        var progress = new BytecodeLint.Analysis.Engine.ScanProgress();
        progress.InputOpened("a.jar", 1000);
        progress.ClassRead(1000);
        var stderr = new StringWriter();
        using (var display = new ProgressDisplay(progress, stderr, ["a.jar"]))
        {
            display.Draw(); // the timer would draw after a second; call it directly
        }
        string text = stderr.ToString();
        Assert.Contains("[1/1] a.jar: 1 classes", text);
        Assert.EndsWith("\r", text);
        Assert.Equal(text.TrimEnd('\r').Length, text.Length - 1);
    }
}

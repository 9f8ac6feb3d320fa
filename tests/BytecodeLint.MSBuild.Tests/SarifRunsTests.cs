using System.Text.Json;

namespace BytecodeLint.MSBuild.Tests;

public class SarifRunsTests
{
    // Shaped like the CLI's SARIF (one run); strings hold brackets, quotes and the word "runs" to trip a naive scan.
    private static string Log(string ruleId, string text) => $$"""
        {
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "version": "2.1.0",
          "runs": [
            {
              "tool": { "driver": { "name": "bytecodelint", "rules": [ { "id": "{{ruleId}}" } ] } },
              "results": [ { "ruleId": "{{ruleId}}", "message": { "text": "{{text}}" } } ]
            }
          ]
        }
        """;

    [Fact]
    public void MergedLogHasEveryRunWithADistinctCategory()
    {
        var first = Log("BL0001", "a \\\"runs\\\": [ { ] } \\\\");
        var second = Log("BL0003", "b");
        var ids = new[] { SarifRuns.AutomationId(null, "App", 0, 2), SarifRuns.AutomationId(null, "App", 1, 2) };

        var merged = SarifRuns.Merge([first, second], ids);

        using var document = JsonDocument.Parse(merged);
        var runs = document.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal(new[] { "bytecodelint/App/run1/", "bytecodelint/App/run2/" }, runs.Select(r => r.GetProperty("automationDetails").GetProperty("id").GetString()));
        Assert.Equal("a \"runs\": [ { ] } \\", runs[0].GetProperty("results")[0].GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("BL0003", runs[1].GetProperty("results")[0].GetProperty("ruleId").GetString());
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void OneRunGetsAnIdOnlyWhenACategoryIsSet()
    {
        Assert.Null(SarifRuns.AutomationId(null, "App", 0, 1));
        Assert.Equal("agents/", SarifRuns.AutomationId("agents", "App", 0, 1));
        Assert.Equal("agents/run2/", SarifRuns.AutomationId("agents/", "App", 1, 3));
    }

    [Fact]
    public void The_tasks_id_replaces_the_CLIs_default_category()
    {
        // The CLI writes "bytecodelint/" on every run; merged runs must each get the task's distinct id.
        var run = SarifRuns.Runs(Log("BL0001", "x"))[0];
        var fromCli = SarifRuns.WithAutomationId(run, "bytecodelint/");
        var replaced = SarifRuns.WithAutomationId(fromCli, "bytecodelint/Lint/run2/");

        using var document = JsonDocument.Parse(replaced);
        Assert.Equal("bytecodelint/Lint/run2/", document.RootElement.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Single(SarifRuns.Runs("{\"runs\": [" + replaced + "]}"));
        Assert.Equal(fromCli, SarifRuns.WithAutomationId(fromCli, null));
    }

    [Fact]
    public void TextWithoutRunsIsRejected()
    {
        Assert.Throws<FormatException>(() => SarifRuns.Runs("""{"version":"2.1.0","note":"runs"}"""));
    }
}

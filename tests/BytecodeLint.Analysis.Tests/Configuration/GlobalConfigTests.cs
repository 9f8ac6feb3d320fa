using BytecodeLint.Analysis.Configuration;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules;

namespace BytecodeLint.Analysis.Tests.Configuration;

public class GlobalConfigTests
{
    private static GlobalConfigFile Parse(string text, string name = "/cfg/test.globalconfig") => GlobalConfigFile.Parse(name, text);

    private static BytecodeLintConfig Merge(params GlobalConfigFile[] files) => BytecodeLintConfig.Merge(files, RuleRegistry.Catalog);

    [Fact]
    public void Parses_keys_comments_levels_and_skips_other_analyzers_sections()
    {
        var file = Parse("# comment\n; other comment\nis_global = true\nglobal_level = -5\nDOTNET_DIAGNOSTIC.BL0001.Severity = error # why\n[*.cs]\nindent_size = 4\n");
        Assert.Equal(-5, file.GlobalLevel);
        var entry = Assert.Single(file.Entries);
        Assert.Equal("dotnet_diagnostic.bl0001.severity", entry.Key);
        Assert.Equal("error", entry.Value);
        Assert.Equal(5, entry.Line);
    }

    [Theory]
    [InlineData("/x/.globalconfig", 100)]
    [InlineData("/x/team.globalconfig", 0)]
    public void Default_level_depends_on_the_file_name(string path, int level) =>
        Assert.Equal(level, Parse("is_global = true\n", path).GlobalLevel);

    [Fact]
    public void Id_beats_category_beats_all()
    {
        var config = Merge(Parse("""
            is_global = true
            dotnet_analyzer_diagnostic.severity = suggestion
            dotnet_analyzer_diagnostic.category-Retransform.severity = error
            dotnet_diagnostic.BL0001.severity = none
            """));
        Assert.Null(config.SeverityOverrides["BL0001"]);                      // id
        Assert.Equal(Severity.Error, config.SeverityOverrides["BL0003"]);      // category
        Assert.Equal(Severity.Note, config.SeverityOverrides["BL9001"]);       // all (Input category)
    }

    [Fact]
    public void Bulk_settings_do_not_enable_a_rule_disabled_by_default()
    {
        var config = Merge(Parse("is_global = true\ndotnet_analyzer_diagnostic.severity = error\ndotnet_analyzer_diagnostic.category-Input.severity = error\n"));
        Assert.False(config.SeverityOverrides.ContainsKey("BL9004"));
        var enabled = Merge(Parse("is_global = true\ndotnet_diagnostic.BL9004.severity = warning\n"));
        Assert.Equal(Severity.Warning, enabled.SeverityOverrides["BL9004"]);
    }

    [Fact]
    public void Default_value_restores_the_rule_default()
    {
        var config = Merge(Parse("is_global = true\ndotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.BL0001.severity = default\n"));
        Assert.Equal(Severity.Warning, config.SeverityOverrides["BL0001"]);
    }

    [Fact]
    public void Later_line_wins_within_a_file_and_higher_level_wins_across_files()
    {
        var one = Merge(Parse("dotnet_diagnostic.BL0001.severity = error\ndotnet_diagnostic.BL0001.severity = suggestion\n"));
        Assert.Equal(Severity.Note, one.SeverityOverrides["BL0001"]);

        var low = Parse("global_level = -100\ndotnet_diagnostic.BL0001.severity = error\n", "/a/preset.globalconfig");
        var high = Parse("dotnet_diagnostic.BL0001.severity = none\n", "/b/.globalconfig"); // level 100 by name
        Assert.Null(Merge(low, high).SeverityOverrides["BL0001"]);
        Assert.Null(Merge(high, low).SeverityOverrides["BL0001"]);
        Assert.Empty(Merge(low, high).Warnings);
    }

    [Fact]
    public void Conflicting_values_at_the_same_level_are_unset_with_a_warning()
    {
        var a = Parse("dotnet_diagnostic.BL0001.severity = error\nbytecodelint.target_jdk = 17\n", "/a/one.globalconfig");
        var b = Parse("dotnet_diagnostic.BL0001.severity = none\nbytecodelint.target_jdk = 17\n", "/b/two.globalconfig");
        var config = Merge(a, b);
        Assert.False(config.SeverityOverrides.ContainsKey("BL0001"));
        Assert.Equal(17, config.TargetJdk!.Value.Feature); // same value: no conflict
        var warning = Assert.Single(config.Warnings);
        Assert.Contains("/a/one.globalconfig:1", warning);
        Assert.Contains("/b/two.globalconfig:1", warning);
    }

    [Fact]
    public void Bytecodelint_keys_reach_the_analyzer_options()
    {
        var config = Merge(Parse("""
            bytecodelint.target_jdk = 21.0.4
            bytecodelint.BL0003.threshold_mib = 64
            bytecodelint.include = com/acme/**
            bytecodelint.exclude = **/generated/**, shaded/**
            bytecodelint.suppression_annotations = SuppressBytecodeLint, SuppressLeak
            bytecodelint.suppress.BL0001 = com.acme.legacy.*, com.acme.Foo#run
            """));
        var options = config.ApplyTo(AnalyzerOptions.Default);
        Assert.Equal(21, options.TargetJdk.Feature);
        Assert.Equal(64, options.GetValue(BytecodeLint.Analysis.Rules.Retransform.ExpensiveWideningAnalyzer.ThresholdMiB));
        Assert.Equal(["SuppressBytecodeLint", "SuppressLeak"], options.SuppressionAnnotations);
        Assert.Equal(["com/acme/**"], options.EntryFilter!.Include);
        Assert.Equal(["**/generated/**", "shaded/**"], options.EntryFilter.Exclude);
        Assert.Equal(2, config.Suppressions.Count);
    }

    [Fact]
    public void Source_roots_are_relative_to_the_config_file()
    {
        var dir = Directory.CreateTempSubdirectory("bl-cfg-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "src", "main", "java"));
            var path = Path.Combine(dir.FullName, "x.globalconfig");
            File.WriteAllText(path, "is_global = true\nbytecodelint.source_roots = src/main/java\n");
            var config = BytecodeLintConfig.Load([path], RuleRegistry.Catalog);
            Assert.Equal([Path.Combine(dir.FullName, "src", "main", "java")], config.SourceRoots);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("bytecodelint.colour = red", "unknown key 'bytecodelint.colour'")]
    [InlineData("bytecodelint.BL0003.threshold_mib = lots", "must be a number")]
    [InlineData("bytecodelint.BL0003.enhancer_ldc_per_method = 1.5", "must be a whole number")]
    [InlineData("bytecodelint.BL0003.treshold_mib = 16", "rule BL0003 has no option 'treshold_mib'; did you mean 'threshold_mib'?")]
    [InlineData("bytecodelint.BL0001.threshold_mib = 3", "rule BL0001 has no option 'threshold_mib' (it takes none)")]
    [InlineData("dotnet_diagnostic.BL0001.severity = loud", "'loud' is not a severity")]
    [InlineData("dotnet_diagnostic.BL0001.enabled = true", "unknown key")]
    [InlineData("dotnet_analyzer_diagnostic.category-Retransform.severity = maybe", "not a severity")]
    [InlineData("bytecodelint.target_jdk = seventeen", "not a JDK version")]
    [InlineData("bytecodelint.suppress.BL0001 = com/acme/Foo", "bad suppression pattern")]
    [InlineData("bytecodelint.suppression_annotations = com.acme.Suppress", "not a simple annotation name")]
    [InlineData("bytecodelint.source_roots = does/not/exist", "does not exist")]
    [InlineData("this line has no equals sign", "expected 'key = value'")]
    [InlineData("global_level = high", "global_level must be an integer")]
    public void Bad_lines_name_file_and_line(string line, string message)
    {
        var e = Assert.Throws<ConfigException>(() => Merge(Parse($"is_global = true\n# x\n{line}\n")));
        Assert.StartsWith("/cfg/test.globalconfig:3: ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("dotnet_diagnostic.BL0999.severity = error")]
    [InlineData("bytecodelint.BL4242.threshold_mib = 3")]
    [InlineData("bytecodelint.suppress.BL4242 = com.acme.*")]
    public void Rule_ids_unknown_to_this_version_are_warnings_not_errors(string line)
    {
        // Roslyn ignores ids it does not know, so one config file serves several versions of the tool.
        var config = Merge(Parse($"is_global = true\n# x\n{line}\n"));
        var warning = Assert.Single(config.Warnings);
        Assert.StartsWith("/cfg/test.globalconfig:3: unknown rule", warning);
        Assert.DoesNotContain(config.SeverityOverrides, o => o.Key.StartsWith("BL0999", StringComparison.Ordinal));
        Assert.Empty(config.Suppressions);
    }

    [Fact]
    public void Every_declared_option_is_accepted_at_its_default()
    {
        foreach (var option in RuleRegistry.Catalog.Descriptors.SelectMany(d => d.Options))
        {
            var config = Merge(Parse($"is_global = true\n{option.Key} = {option.DefaultText}\n"));
            Assert.Equal(option.DefaultText, config.RuleSettings[option.RuleId + "." + option.Name]);
        }
    }

    [Fact]
    public void Our_keys_inside_a_section_are_errors_others_are_ignored()
    {
        var ok = Parse("is_global = true\n[*.cs]\ndotnet_diagnostic.CA1822.severity = none\n");
        Assert.Empty(ok.Entries);
        var e = Assert.Throws<ConfigException>(() => Parse("[*.jar]\ndotnet_diagnostic.BL0001.severity = none\n"));
        Assert.StartsWith("/cfg/test.globalconfig:2:", e.Message);
    }

    [Fact]
    public void Other_analyzers_keys_are_left_alone()
    {
        var config = Merge(Parse("dotnet_diagnostic.CA1822.severity = nonsense-for-us\nbuild_property.x = y\ndotnet_style_qualification_for_field = false\n"));
        Assert.Empty(config.SeverityOverrides);
    }

    [Fact]
    public void Discovery_walks_up_to_the_root()
    {
        var dir = Directory.CreateTempSubdirectory("bl-cfg-");
        try
        {
            var inner = Directory.CreateDirectory(Path.Combine(dir.FullName, "a", "b"));
            File.WriteAllText(Path.Combine(dir.FullName, ".globalconfig"), "is_global = true\n");
            File.WriteAllText(Path.Combine(dir.FullName, "a", "b", ".globalconfig"), "is_global = true\n");
            var found = GlobalConfigFile.Discover(inner.FullName);
            Assert.Equal(Path.Combine(inner.FullName, ".globalconfig"), found[0]);
            Assert.Equal(Path.Combine(dir.FullName, ".globalconfig"), found[1]);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}

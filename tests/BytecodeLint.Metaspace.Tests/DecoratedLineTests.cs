using BytecodeLint.Metaspace.Reading;

namespace BytecodeLint.Metaspace.Tests;

public class DecoratedLineTests
{
    [Fact]
    public void Uptime_level_and_padded_tags()
    {
        var l = DecoratedLine.Parse("[0.352s][info][gc,metaspace               ] GC(0) Metaspace: 1K(2K)->1K(2K)");
        Assert.Equal(0.352, l.UptimeSeconds);
        Assert.Equal("info", l.Level);
        Assert.Equal("gc,metaspace", l.Tags);
        Assert.True(l.HasTag("metaspace"));
        Assert.False(l.HasTag("meta"));
        Assert.Equal("GC(0) Metaspace: 1K(2K)->1K(2K)", l.Message);
    }

    [Fact]
    public void Time_pid_tid_and_millisecond_uptime_in_any_order()
    {
        var l = DecoratedLine.Parse("[2024-03-05T10:11:12.345+0100][1234ms][12345][12346][debug][redefine,class,constantpool] old_cp_len=1, scratch_cp_len=1");
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 11, 12, 345, TimeSpan.FromHours(1)), l.Time);
        Assert.Equal(1.234, l.UptimeSeconds);
        Assert.Equal("debug", l.Level);
        Assert.True(l.HasTag("redefine"));
        Assert.Equal("old_cp_len=1, scratch_cp_len=1", l.Message);
    }

    [Fact]
    public void Hostname_and_nanosecond_uptime()
    {
        var l = DecoratedLine.Parse("[build-host-7][5000000000ns][gc] GC(3) Pause Full (System.gc())");
        Assert.Equal(5.0, l.UptimeSeconds);
        Assert.Equal("GC(3) Pause Full (System.gc())", l.Message);
    }

    [Fact]
    public void Jdk8_date_and_uptime_stamps()
    {
        var l = DecoratedLine.Parse("2021-10-07T14:13:11.843+0800: 12.345: [GC (Metadata GC Threshold) [PSYoungGen: 1822K->704K(93696K)]");
        Assert.Equal(new DateTimeOffset(2021, 10, 7, 14, 13, 11, 843, TimeSpan.FromHours(8)), l.Time);
        Assert.Equal(12.345, l.UptimeSeconds);
        Assert.StartsWith("[GC (Metadata GC Threshold)", l.Message);
        Assert.False(l.IsUnified);
    }

    [Fact]
    public void A_jdk8_record_is_not_mistaken_for_decorations()
    {
        var l = DecoratedLine.Parse("[Full GC (Metadata GC Threshold) [PSYoungGen: 1K->0K(2K)]");
        Assert.Null(l.Tags);
        Assert.StartsWith("[Full GC", l.Message);
    }

    [Theory]
    [InlineData("[GC (Allocation Failure) ", "Allocation Failure")]
    [InlineData("[Full GC (System.gc()) [PSYoungGen", "System.gc()")]
    [InlineData("[GC pause (G1 Evacuation Pause) (young)", "G1 Evacuation Pause")]
    public void Jdk8_causes(string message, string cause) => Assert.Equal(cause, GcCauseText.FromJdk8(message, out _));

    [Theory]
    [InlineData("Pause Young (Concurrent Start) (Metadata GC Threshold) 2M->2M(14M) 1.317ms", "Metadata GC Threshold")]
    [InlineData("Pause Full (System.gc()) 6M->2M(14M) 15.560ms", "System.gc()")]
    [InlineData("Garbage Collection (Metadata GC Threshold) 10M(1%)->8M(1%)", "Metadata GC Threshold")]
    [InlineData("Pause Remark 2M->2M(14M) 1.383ms", null)]
    [InlineData("Concurrent Mark Cycle", null)]
    public void Unified_causes(string message, string? cause) => Assert.Equal(cause, GcCauseText.FromUnified(message));
}

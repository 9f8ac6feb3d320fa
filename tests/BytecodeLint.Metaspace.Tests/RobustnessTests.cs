using System.IO.Compression;
using System.Text;
using BytecodeLint.Metaspace.Analysis;
using BytecodeLint.Metaspace.Reading;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>Truncated, interleaved and garbage input: counted and reported, never fatal.</summary>
public class RobustnessTests
{
    private const string Gc14 = "[3.991s][info][gc,metaspace               ] GC(14) Metaspace: 21298K(21504K)->21298K(21504K) NonClass: 20828K(20928K)->20828K(20928K) Class: 469K(576K)->469K(576K)";
    private const string OldCp = "[0.747s][info][redefine,class,constantpool] old_cp_len=39, scratch_cp_len=39";
    private const string MergeCp = "[0.747s][info][redefine,class,constantpool] merge_cp_len=41, index_map_len=2";

    [Fact]
    public void Truncated_records_are_counted_not_fatal()
    {
        var log = JvmLogs.ReadText(
            Gc14[..70],                        // cut inside the Metaspace transition
            OldCp[..60],                       // cut inside old_cp_len
            "[0.747s][info][redefine,class,constantpool] merge_cp_len=4",
            Gc14);
        Assert.Single(log.Samples);
        Assert.Equal(3, log.Lines.NotUnderstood);
        Assert.All(log.Lines.Examples, e => Assert.Equal("incomplete record", e.Reason));
        Assert.Equal(new[] { 1L, 2L, 3L }, log.Lines.Examples.Select(e => e.Position.Line));
    }

    [Fact]
    public void Interleaved_records_on_one_line_are_both_read()
    {
        var log = JvmLogs.ReadText(OldCp + MergeCp, "application output " + Gc14);
        Assert.Equal(2, log.Lines.Interleaved);
        var r = Assert.Single(log.Redefinitions);
        Assert.Equal(41, r.MergeCpLength);
        Assert.Single(log.Samples);
        Assert.Equal(1, log.Lines.NotUnderstood); // "application output " alone
    }

    [Fact]
    public void Garbage_lines_are_counted()
    {
        var random = new Random(42);
        var lines = Enumerable.Range(0, 200).Select(_ => new string(Enumerable.Range(0, random.Next(1, 120)).Select(_ => (char)random.Next(33, 0x2FF)).ToArray())).ToList();
        lines.Insert(100, Gc14);
        var log = JvmLogs.ReadText([.. lines]);
        Assert.Single(log.Samples);
        Assert.Equal(200, log.Lines.NotUnderstood + log.Lines.Skipped);
        Assert.True(log.Lines.Examples.Count <= 8);
    }

    [Fact]
    public void Binary_garbage_and_an_endless_line_do_not_crash()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is (byte)'\n' or (byte)'\r')
                bytes[i] = (byte)'x';
        }
        var text = Encoding.Latin1.GetString(bytes) + "\n" + Gc14 + "\n";
        var log = new Model.MetaspaceLog();
        MetaspaceLogReader.Read(LogFile.OpenText(new MemoryStream(Encoding.UTF8.GetBytes(text))), "binary", log);
        Assert.Equal(1, log.Lines.TooLong);
        Assert.Single(log.Samples);
        var d = MetaspaceAnalyzer.Analyze(log);
        Assert.Equal(LeakVerdict.Inconclusive, d.Verdict);
    }

    [Fact]
    public void Empty_input_is_inconclusive()
    {
        var d = MetaspaceAnalyzer.Analyze(JvmLogs.ReadText(""));
        Assert.Equal(LeakVerdict.Inconclusive, d.Verdict);
        Assert.Empty(d.Series);
    }

    [Fact]
    public void Gzip_is_recognised_by_magic_not_name_and_crlf_is_accepted()
    {
        var plain = Encoding.UTF8.GetBytes(OldCp + "\r\n" + MergeCp + "\r\n" + Gc14 + "\r\n");
        var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(plain);
        foreach (var bytes in new[] { plain, packed.ToArray() })
        {
            var log = new Model.MetaspaceLog();
            MetaspaceLogReader.Read(LogFile.OpenText(new MemoryStream(bytes)), "log.txt", log);
            Assert.Single(log.Redefinitions);
            Assert.Single(log.Samples);
            Assert.Equal(0, log.Lines.NotUnderstood);
        }
    }

    [Fact]
    public void A_cut_jdk17_log_still_yields_a_diagnosis()
    {
        // The first 60 % of the real log, ending mid-line: the reader must not need the OOM or the end.
        using var reader = LogFile.OpenText(JvmLogs.Jdk17Leak);
        var all = reader.ReadToEnd();
        var cut = all[..(int)(all.Length * 0.6)];
        var log = new Model.MetaspaceLog();
        MetaspaceLogReader.Read(new StringReader(cut), "cut.log", log);
        var d = MetaspaceAnalyzer.Analyze(log);
        Assert.Equal(LeakVerdict.Leak, d.Verdict);
        Assert.Null(d.Limit.OomSpace);
        Assert.Equal(PoolGrowthPattern.Constant, d.Classes[0].Pattern);
    }

    [Fact]
    public void Line_reader_handles_block_boundaries_and_all_line_ends()
    {
        // A "\r\n" whose '\r' ends the reader's 64 K block, mixed endings, a last line without one.
        var first = new string('a', 64 * 1024 - 1);
        var text = first + "\r\n" + "b\rc\n\nd";
        var reader = new BoundedLineReader(new StringReader(text), maxLineLength: 100_000);
        var lines = new List<string>();
        while (reader.ReadLine(out var cut) is { } line)
        {
            Assert.False(cut);
            lines.Add(line);
        }
        Assert.Equal([first, "b", "c", "", "d"], lines);

        var small = new BoundedLineReader(new StringReader("0123456789\nok"), maxLineLength: 4);
        Assert.Equal("0123", small.ReadLine(out var wasCut));
        Assert.True(wasCut);
        Assert.Equal("ok", small.ReadLine(out wasCut));
        Assert.False(wasCut);
        Assert.Null(small.ReadLine(out _));
    }
}

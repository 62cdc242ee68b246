using System.Text;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.Hl7.Tests.Mllp;

public sealed class MllpFramerTests
{
    private static byte[] Framed(string payload) => MllpBytes.Frame(Encoding.ASCII.GetBytes(payload));

    private static string Text(MllpFramerResult r) => Encoding.ASCII.GetString(r.Data);

    [Fact]
    public void A_frame_split_byte_by_byte_comes_out_whole()
    {
        using var framer = new MllpFramer();
        var results = new List<MllpFramerResult>();

        foreach (var b in Framed("MSH|^~\\&|A\rPID|1\r"))
        {
            framer.Feed([b], results);
        }

        var frame = Assert.Single(results);
        Assert.True(frame.IsFrame);
        Assert.Equal("MSH|^~\\&|A\rPID|1\r", Text(frame));
        Assert.False(framer.InFrame);
    }

    [Fact]
    public void Many_frames_in_one_chunk_come_out_in_order()
    {
        using var framer = new MllpFramer();
        byte[] chunk = [.. Framed("one"), .. Framed("two"), .. "\r\n"u8, .. Framed("three"), .. Framed("fo")[..3]];

        var results = framer.Feed(chunk);

        Assert.Equal(["one", "two", "three"], results.Select(Text));
        Assert.All(results, r => Assert.True(r.IsFrame));
        Assert.True(framer.InFrame);
        Assert.Equal("fo", Text(Assert.Single(framer.Feed([0x1C, 0x0D]))));
    }

    [Fact]
    public void Junk_before_the_start_block_is_reported_and_skipped()
    {
        using var framer = new MllpFramer();

        var results = framer.Feed([.. "GET / HTTP/1.1"u8, .. Framed("MSH|ok")]);

        Assert.Equal(2, results.Count);
        Assert.Equal(MllpFrameError.JunkBeforeStart, results[0].Error);
        Assert.Equal("GET / HTTP/1.1", Text(results[0]));
        Assert.Equal("MSH|ok", Text(results[1]));
    }

    [Fact]
    public void End_block_without_CR_still_ends_the_frame_and_a_late_CR_is_consumed()
    {
        using var framer = new MllpFramer();

        var first = framer.Feed([0x0B, .. "A"u8, 0x1C]);
        var second = framer.Feed([0x0D, 0x0B, .. "B"u8, 0x1C, 0x0B, .. "C"u8, 0x1C, 0x0D]);

        Assert.Equal(["A"], first.Select(Text));
        Assert.Equal(["B", "C"], second.Select(Text));
        Assert.All(second, r => Assert.True(r.IsFrame));
    }

    [Fact]
    public void A_new_start_block_inside_a_frame_reports_the_abandoned_one()
    {
        using var framer = new MllpFramer();

        var results = framer.Feed([0x0B, .. "half"u8, .. Framed("whole")]);

        Assert.Equal(MllpFrameError.IncompleteFrame, results[0].Error);
        Assert.Equal("half", Text(results[0]));
        Assert.Equal("whole", Text(results[1]));
    }

    [Fact]
    public void Oversize_reports_the_bytes_so_far_and_faults()
    {
        using var framer = new MllpFramer(maxMessageBytes: 10);

        var first = framer.Feed([0x0B, .. "123456"u8]);
        var second = framer.Feed("7890ABCDEF"u8);

        Assert.Empty(first);
        var error = Assert.Single(second);
        Assert.Equal(MllpFrameError.Oversize, error.Error);
        Assert.Equal("1234567890", Text(error));
        Assert.True(framer.IsFaulted);
        Assert.Empty(framer.Feed(Framed("ignored")));
    }

    [Fact]
    public void A_frame_of_exactly_the_limit_is_accepted()
    {
        using var framer = new MllpFramer(maxMessageBytes: 5);

        Assert.Equal("12345", Text(Assert.Single(framer.Feed(Framed("12345")))));
    }

    [Fact]
    public void Complete_reports_a_frame_cut_by_the_end_of_the_stream()
    {
        using var framer = new MllpFramer();
        var results = new List<MllpFramerResult>();
        framer.Feed([0x0B, .. "MSH|cut"u8], results);

        framer.Complete(results);

        var error = Assert.Single(results);
        Assert.Equal(MllpFrameError.IncompleteFrame, error.Error);
        Assert.Equal("MSH|cut", Text(error));
    }
}

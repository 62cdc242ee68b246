using ActorBroker.Dicom.Network.Pdus;
using static ActorBroker.Dicom.Tests.Network.Bytes;

namespace ActorBroker.Dicom.Tests.Network.Pdus;

public sealed class PduReaderTests
{
    private static readonly PduReaderLimits Limits = PduReaderLimits.ForMaximumLength(16384);

    private static async Task<PduReadResult> ReadOneAsync(byte[] bytes, PduReaderLimits? limits = null) =>
        await new PduReader(new MemoryStream(bytes), limits ?? Limits).ReadAsync(CancellationToken.None);

    public static TheoryData<string> ValidPdus() => new()
    {
        "AssociateRQ",
        "AssociateAC",
        "03 00 00 00 00 04 00 01 01 07",
        "04 00 00 00 00 08 00 00 00 04 01 03 AA BB",
        "05 00 00 00 00 04 00 00 00 00",
        "06 00 00 00 00 04 00 00 00 00",
        "07 00 00 00 00 04 00 00 02 01",
    };

    private static byte[] Resolve(string pdu) => pdu switch
    {
        "AssociateRQ" => PduTestData.AssociateRQ(),
        "AssociateAC" => PduTestData.AssociateAC(),
        _ => Hex(pdu),
    };

    [Theory]
    [MemberData(nameof(ValidPdus))]
    public async Task Reads_every_pdu_type_and_round_trips_it(string pdu)
    {
        var bytes = Resolve(pdu);
        var result = await ReadOneAsync(bytes);

        Assert.Equal(PduReadStatus.Pdu, result.Status);
        Assert.Equal((PduType)bytes[0], result.Pdu!.Type);
        Assert.Equal(bytes, result.Pdu.ToArray());
        (result.Pdu as PDataTF)?.Dispose();
    }

    [Theory]
    [MemberData(nameof(ValidPdus))]
    public async Task Every_truncation_is_a_clean_close_never_an_exception(string pdu)
    {
        var bytes = Resolve(pdu);
        for (var length = 0; length < bytes.Length; length++)
        {
            var result = await ReadOneAsync(bytes[..length]);
            Assert.Equal(length == 0 ? PduReadStatus.Closed : PduReadStatus.Truncated, result.Status);
            Assert.Null(result.Pdu);
        }
    }

    [Fact]
    public async Task Reads_consecutive_pdus_from_one_stream()
    {
        var stream = new MemoryStream(Concat(PduTestData.AssociateRQ(), AReleaseRQ.Instance.ToArray(), new AAbort(AAbortSource.ServiceUser, 0).ToArray()));
        var reader = new PduReader(stream, Limits);

        Assert.IsType<AAssociateRQ>((await reader.ReadAsync(CancellationToken.None)).Pdu);
        Assert.IsType<AReleaseRQ>((await reader.ReadAsync(CancellationToken.None)).Pdu);
        Assert.IsType<AAbort>((await reader.ReadAsync(CancellationToken.None)).Pdu);
        Assert.Equal(PduReadStatus.Closed, (await reader.ReadAsync(CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x08)]
    [InlineData(0x09)]
    [InlineData(0xFF)]
    public async Task Unknown_pdu_type_is_unrecognized_without_reading_its_body(byte type)
    {
        var result = await ReadOneAsync(Concat([type, 0x00, 0x00, 0x00, 0x00, 0x04], Zeros(4)));

        Assert.Equal(PduReadStatus.Invalid, result.Status);
        Assert.Equal(AAbortReason.UnrecognizedPdu, result.Reason);
        Assert.False(result.StreamSynchronized);
    }

    [Theory]
    [InlineData("04 00 FF FF FF FF")] // P-DATA-TF claiming 4 GB
    [InlineData("01 00 FF FF FF FF")] // A-ASSOCIATE-RQ claiming 4 GB
    [InlineData("04 00 00 00 44 01")] // P-DATA-TF 1 byte over 16384 + 1024 tolerance
    [InlineData("01 00 00 04 00 01")] // A-ASSOCIATE-RQ 1 byte over 256 KiB
    [InlineData("05 00 00 00 00 05")] // A-RELEASE-RQ must be exactly 4
    [InlineData("07 00 00 00 00 00")] // A-ABORT must be exactly 4
    public async Task Lengths_past_the_limits_are_refused_before_any_allocation(string header)
    {
        var bytes = Hex(header);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = await ReadOneAsync(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(PduReadStatus.Invalid, result.Status);
        Assert.Equal(AAbortReason.InvalidPduParameterValue, result.Reason);
        Assert.False(result.StreamSynchronized);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated for a refused header");
    }

    [Fact]
    public async Task A_length_at_the_limit_is_accepted()
    {
        // 16384 + 1024 = 17408 (4400H): one PDV of 17402 bytes.
        var pdv = Concat(Hex("00 00 43 FC 01 02"), Zeros(17402));
        var result = await ReadOneAsync(Concat(Hex("04 00 00 00 44 00"), pdv));
        Assert.Equal(PduReadStatus.Pdu, result.Status);
        ((PDataTF)result.Pdu!).Dispose();
    }

    [Fact]
    public async Task A_peer_announcing_the_maximum_but_sending_little_costs_little()
    {
        // Limits of 16 MiB; the header promises 16 MiB, 10 bytes follow, then the stream ends.
        var limits = new PduReaderLimits(16 * 1024 * 1024, PduReaderLimits.DefaultMaxAssociateLength);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = await ReadOneAsync(Concat(Hex("04 00 01 00 00 00"), Zeros(10)), limits);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(PduReadStatus.Truncated, result.Status);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated for 10 received bytes");
    }

    [Fact]
    public async Task A_malformed_body_is_invalid_but_keeps_the_stream_in_step()
    {
        var bad = Hex("04 00 00 00 00 03 00 00 00"); // PDV item cut short inside a complete PDU
        var stream = new MemoryStream(Concat(bad, AReleaseRQ.Instance.ToArray()));
        var reader = new PduReader(stream, Limits);

        var first = await reader.ReadAsync(CancellationToken.None);
        Assert.Equal(PduReadStatus.Invalid, first.Status);
        Assert.Equal(AAbortReason.InvalidPduParameterValue, first.Reason);
        Assert.True(first.StreamSynchronized);
        Assert.IsType<AReleaseRQ>((await reader.ReadAsync(CancellationToken.None)).Pdu);
    }

    [Fact]
    public async Task Random_garbage_never_throws()
    {
        var random = new Random(12345);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (bytes.Length > 0)
            {
                bytes[0] = (byte)random.Next(0, 9);
            }

            if (bytes.Length > 5)
            {
                // Mostly plausible lengths, so the bodies get parsed.
                bytes[2] = 0;
                bytes[3] = 0;
                bytes[4] = 0;
                bytes[5] = (byte)Math.Min(bytes.Length - 6, random.Next(0, 255));
            }

            var result = await ReadOneAsync(bytes);
            Assert.True(Enum.IsDefined(result.Status));
            (result.Pdu as PDataTF)?.Dispose();
        }
    }

    // The reader reads ahead: PDUs that arrive together are taken in one receive, and a PDU that arrives a byte at a
    // time is still read whole, with the next one intact behind it, whatever the split.
    [Fact]
    public async Task Pdus_that_arrive_together_take_one_receive_and_any_split_reads_the_same()
    {
        var pdata = Concat(Hex("04 00 00 00 08 06 00 00 08 02 01 03"), Zeros(2048));
        var bytes = Concat(pdata, PduTestData.AssociateRQ(), AReleaseRQ.Instance.ToArray(), pdata);

        foreach (var chunk in new[] { int.MaxValue, 1, 5, 6, 7, 2000, 2061 })
        {
            var stream = new ChunkedStream(bytes, chunk);
            var reader = new PduReader(stream, Limits);
            using (var first = (PDataTF)(await reader.ReadAsync(CancellationToken.None)).Pdu!)
            {
                Assert.Equal(2048, Assert.Single(first.Values).Data.Length);
            }

            Assert.IsType<AAssociateRQ>((await reader.ReadAsync(CancellationToken.None)).Pdu);
            Assert.IsType<AReleaseRQ>((await reader.ReadAsync(CancellationToken.None)).Pdu);
            using (var last = (PDataTF)(await reader.ReadAsync(CancellationToken.None)).Pdu!)
            {
                Assert.Equal(2048, Assert.Single(last.Values).Data.Length);
            }

            Assert.Equal(PduReadStatus.Closed, (await reader.ReadAsync(CancellationToken.None)).Status);
            if (chunk == int.MaxValue)
            {
                // All four (~4.6 KB) in the first receive, then the one that finds the end of the stream.
                Assert.Equal(2, stream.Reads);
            }
        }
    }

    /// <summary>A read-only stream that hands out at most <c>chunk</c> bytes per read and counts the reads.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : Stream
    {
        private int _position;

        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            var n = Math.Min(Math.Min(buffer.Length, chunk), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

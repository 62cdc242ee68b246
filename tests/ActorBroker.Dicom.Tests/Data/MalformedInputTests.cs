using ActorBroker.Dicom.Data;
using static ActorBroker.Dicom.Tests.Data.TestBytes;

namespace ActorBroker.Dicom.Tests.Data;

public sealed class MalformedInputTests
{
    private static readonly DicomTransferSyntax Explicit = DicomTransferSyntax.ExplicitVRLittleEndian;
    private static readonly DicomTransferSyntax Implicit = DicomTransferSyntax.ImplicitVRLittleEndian;

    public static TheoryData<string, string> Samples() => new()
    {
        { "dcmjs N-CREATE, explicit, undefined lengths", DicomDatasetReaderTests.DcmjsNCreate },
        { "findscu identifier, explicit, defined lengths", DicomDatasetReaderTests.FindscuIdentifierExplicit },
        { "findscu identifier, implicit", DicomDatasetReaderTests.FindscuIdentifierImplicit },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Truncation_at_every_offset_throws_DicomFormatException_and_nothing_else(string name, string hex)
    {
        var full = Hex(hex);
        var ts = name.Contains("implicit", StringComparison.Ordinal) ? Implicit : Explicit;
        DicomDatasetReader.Read(full, ts); // the whole sample is valid
        var boundaries = 0;
        for (var cut = 1; cut < full.Length; cut++)
        {
            try
            {
                DicomDatasetReader.Read(full.AsSpan(0, cut), ts);
                boundaries++; // a cut exactly between two top-level elements is a valid, shorter dataset
            }
            catch (DicomFormatException ex)
            {
                Assert.InRange(ex.Offset, 0, cut);
            }
        }
        Assert.InRange(boundaries, 1, 30);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_single_byte_corruption_throws_only_DicomFormatException(string name, string hex)
    {
        var full = Hex(hex);
        var ts = name.Contains("implicit", StringComparison.Ordinal) ? Implicit : Explicit;
        var refused = 0;
        var read = 0;
        foreach (var value in new byte[] { 0x00, 0xFF, 0x7F, 0x80 })
        {
            for (var i = 0; i < full.Length; i++)
            {
                var copy = (byte[])full.Clone();
                copy[i] = value;
                // Any exception other than DicomFormatException escapes and fails the test.
                try
                {
                    var ds = DicomDatasetReader.Read(copy, ts);
                    _ = DicomDatasetWriter.Write(ds, ts); // whatever was accepted must also re-encode
                    read++;
                }
                catch (DicomFormatException)
                {
                    refused++;
                }
            }
        }
        // Value bytes can take any value; header bytes mostly cannot.
        Assert.True(refused > full.Length / 4, $"{refused} refused, {read} read");
        Assert.True(read > 0);
    }

    [Fact]
    public void A_descending_stream_of_elements_is_sorted_once_not_quadratically()
    {
        // 100,000 distinct empty elements in descending tag order (odd element numbers: never a group length).
        const int n = 100_000;
        var bytes = new byte[n * 8];
        for (var i = 0; i < n; i++)
        {
            var tag = DicomTag.FromValue(0x20000000u - (uint)(i * 2) - 1);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 8), tag.Group);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 8 + 2), tag.Element);
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var ds = DicomDatasetReader.Read(bytes, Implicit);
        Assert.Equal(n, ds.Count);
        Assert.True(ds.First().Tag < ds.Last().Tag);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), sw.Elapsed.ToString());
    }

    [Fact]
    public void Undefined_length_on_a_non_sequence_VR_is_refused()
    {
        // OB with FFFFFFFFH is encapsulated pixel data only (PS3.5 A.4), not any OB.
        var ob = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("0900 1010 4F42 0000 FFFFFFFF FEFF DDE0 00000000"), Explicit));
        Assert.Equal(new DicomTag(0x0009, 0x1010), ob.Tag);
        // (0040,A160) UT with FFFFFFFFH length.
        var ut = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("4000 60A1 5554 0000 FFFFFFFF 4142"), Explicit));
        Assert.Equal(DicomTags.TextValue, ut.Tag);
        Assert.Contains("undefined length", ut.Message, StringComparison.Ordinal);
        // Implicit: (0010,0010) is PN in the dictionary, FFFFFFFFH not allowed.
        var pn = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("1000 1000 FFFFFFFF 41424344"), Implicit));
        Assert.Equal(DicomTags.PatientName, pn.Tag);
        Assert.Equal(0, pn.Offset);
    }

    [Fact]
    public void A_length_past_the_end_is_refused_without_allocating_it()
    {
        // (0040,A160) UT claiming 0x7FFFFFF0 bytes with 2 present.
        var ex = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("0800 6000 4353 0200 4354" + "4000 60A1 5554 0000 F0FFFF7F 4142"), Explicit));
        Assert.Equal(10, ex.Offset);
        Assert.Equal(DicomTags.TextValue, ex.Tag);
        Assert.Contains("past the end", ex.Message, StringComparison.Ordinal);
        // An item claiming more than its sequence holds.
        Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("4000 0001 5351 0000 10000000 FEFF 00E0 00010000 0000 0000"), Explicit));
    }

    [Fact]
    public void Odd_lengths_are_refused_unless_allowed()
    {
        var bytes = Hex("1000 1000 504E 0300 446F65");
        var ex = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(bytes, Explicit));
        Assert.Contains("odd", ex.Message, StringComparison.Ordinal);
        var lenient = DicomDatasetReader.Read(bytes, Explicit, new DicomReadOptions { AllowOddLengths = true });
        Assert.Equal("Doe", lenient.GetString(DicomTags.PatientName));
        // Written back padded to even length.
        Assert.Equal(Hex("1000 1000 504E 0400 446F6520"), DicomDatasetWriter.Write(lenient, Explicit));
    }

    [Fact]
    public void Invalid_VR_bytes_duplicates_and_stray_delimiters_are_refused()
    {
        Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("1000 1000 7A7A 0000"), Explicit));
        Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("1000 1000 504E 0000 1000 1000 504E 0000"), Explicit));
        Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("FEFF 0DE0 00000000"), Explicit));
        Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("FEFF DDE0 00000000"), Implicit));
        // A defined-length sequence holding something other than an item.
        Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("4000 0001 5351 0000 08000000 0800 6000 0000 0000"), Explicit));
        // Sequence Delimitation Item inside a defined-length sequence.
        Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Hex("4000 0001 5351 0000 08000000 FEFF DDE0 00000000"), Explicit));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        static byte[] Nest(int depth)
        {
            var open = string.Concat(Enumerable.Repeat("4000 0001 FFFFFFFF FEFF 00E0 FFFFFFFF", depth));
            var close = string.Concat(Enumerable.Repeat("FEFF 0DE0 00000000 FEFF DDE0 00000000", depth));
            return Hex(open + close);
        }
        var ok = DicomDatasetReader.Read(Nest(32), Implicit);
        Assert.Single(ok.GetSequence(DicomTags.ScheduledProcedureStepSequence));
        var ex = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Nest(33), Implicit));
        Assert.Contains("nested deeper", ex.Message, StringComparison.Ordinal);
        // A hostile peer nesting 100,000 deep gets the same answer, not a stack overflow.
        Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(Nest(100_000), Implicit));
    }

    [Fact]
    public void Unsupported_transfer_syntaxes_are_named_not_misread()
    {
        Assert.Throws<NotSupportedException>(() => DicomDatasetReader.Read([], DicomTransferSyntax.ExplicitVRBigEndian));
        Assert.Throws<NotSupportedException>(() => DicomDatasetReader.Read([], DicomTransferSyntax.DeflatedExplicitVRLittleEndian));
        Assert.Throws<NotSupportedException>(() => DicomDatasetWriter.Write(new DicomDataset(), DicomTransferSyntax.ExplicitVRBigEndian));
    }
}

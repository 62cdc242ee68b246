using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Network.Pdus;

public sealed class PDataTFTests
{
    [Fact]
    public void Parses_two_pdvs_with_their_message_control_headers()
    {
        // Table 9-22 / E.2 (PDU length 9 + 7 = 16): PDV 1 on context 1, command + last (03H), 3 bytes; PDV 2 on context 1, data set, not last (00H), 1 byte.
        var bytes = Bytes.Hex("04 00 00 00 00 10  00 00 00 05 01 03 AA BB CC  00 00 00 03 01 00 DD");
        var pdata = PDataTF.Parse(bytes[6..], bytes.Length - 6, pooled: false);

        Assert.Equal(2, pdata.Values.Count);
        Assert.True(pdata.Values[0].IsCommand);
        Assert.True(pdata.Values[0].IsLastFragment);
        Assert.Equal(Bytes.Hex("AA BB CC"), pdata.Values[0].Data.ToArray());
        Assert.False(pdata.Values[1].IsCommand);
        Assert.False(pdata.Values[1].IsLastFragment);
        Assert.Equal(Bytes.Hex("DD"), pdata.Values[1].Data.ToArray());
        Assert.Equal(bytes, pdata.ToArray());
    }

    [Fact]
    public void WriteSingle_builds_one_pdv_pdu()
    {
        var writer = new PduWriter();
        PDataTF.WriteSingle(writer, 7, PresentationDataValue.ControlHeader(isCommand: false, isLast: true), Bytes.Hex("01 02"));
        Assert.Equal(Bytes.Hex("04 00 00 00 00 08 00 00 00 04 07 02 01 02"), writer.ToArray());
    }

    [Theory]
    [InlineData("00 00 00 01 01")]                // item length 1 < 2 (no room for the context ID and header)
    [InlineData("00 00 00 09 01 03 AA")]          // item length past the end
    [InlineData("00 00 00")]                      // truncated item length
    [InlineData("")]                              // no PDV at all
    public void Malformed_pdv_items_are_invalid_parameters(string body)
    {
        var bytes = Bytes.Hex(body);
        var e = Assert.Throws<PduFormatException>(() => PDataTF.Parse(bytes, bytes.Length, pooled: false));
        Assert.Equal(AAbortReason.InvalidPduParameterValue, e.Reason);
    }

    [Fact]
    public void Reserved_header_bits_are_not_tested()
    {
        var bytes = Bytes.Hex("00 00 00 03 01 FE 00");
        var pdata = PDataTF.Parse(bytes, bytes.Length, pooled: false);
        Assert.False(pdata.Values[0].IsCommand);
        Assert.True(pdata.Values[0].IsLastFragment);
    }
}

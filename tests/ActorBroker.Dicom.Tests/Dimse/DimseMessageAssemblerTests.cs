using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Dimse;

public sealed class DimseMessageAssemblerTests
{
    private static PresentationDataValue Pdv(byte context, bool command, bool last, params byte[] data) =>
        new(context, PresentationDataValue.ControlHeader(command, last), data);

    [Fact]
    public void Reassembles_command_then_data_set_fragments()
    {
        var assembler = new DimseMessageAssembler(maxDatasetLength: 1024);

        Assert.Equal(DimseAssemblerStatus.NeedMore, assembler.Add(Pdv(1, true, false, 1, 2)));
        Assert.Equal(DimseAssemblerStatus.CommandComplete, assembler.Add(Pdv(1, true, true, 3)));
        Assert.Equal(new byte[] { 1, 2, 3 }, assembler.Completed.ToArray());
        assembler.ExpectDataset();
        Assert.Equal(DimseAssemblerStatus.NeedMore, assembler.Add(Pdv(1, false, false, 4)));
        Assert.Equal(DimseAssemblerStatus.DatasetComplete, assembler.Add(Pdv(1, false, true, 5, 6)));
        Assert.Equal(new byte[] { 4, 5, 6 }, assembler.Completed.ToArray());
        Assert.Equal((byte)1, assembler.PresentationContextId);
        assembler.Reset();
        Assert.Null(assembler.PresentationContextId);
        Assert.Equal(DimseAssemblerStatus.CommandComplete, assembler.Add(Pdv(3, true, true, 7)));
    }

    [Fact]
    public void A_data_set_fragment_before_the_command_is_a_protocol_error()
    {
        var assembler = new DimseMessageAssembler(1024);
        var e = Assert.Throws<DimseProtocolException>(() => assembler.Add(Pdv(1, false, true, 1)));
        Assert.Equal(AAbortReason.UnexpectedPduParameter, e.Reason);
    }

    [Fact]
    public void A_command_fragment_where_a_data_set_is_expected_is_a_protocol_error()
    {
        var assembler = new DimseMessageAssembler(1024);
        assembler.Add(Pdv(1, true, true, 1));
        assembler.ExpectDataset();
        Assert.Throws<DimseProtocolException>(() => assembler.Add(Pdv(1, true, true, 2)));
    }

    [Fact]
    public void Interleaving_another_context_is_a_protocol_error()
    {
        var assembler = new DimseMessageAssembler(1024);
        assembler.Add(Pdv(1, true, false, 1));
        var e = Assert.Throws<DimseProtocolException>(() => assembler.Add(Pdv(3, true, true, 2)));
        Assert.Equal(AAbortReason.UnexpectedPduParameter, e.Reason);
    }

    [Fact]
    public void Sizes_are_bounded()
    {
        var assembler = new DimseMessageAssembler(maxDatasetLength: 10, maxCommandLength: 4);
        assembler.Add(Pdv(1, true, false, 1, 2, 3));
        Assert.Throws<DimseProtocolException>(() => assembler.Add(Pdv(1, true, true, 4, 5)));

        var second = new DimseMessageAssembler(maxDatasetLength: 10, maxCommandLength: 4);
        second.Add(Pdv(1, true, true, 1));
        second.ExpectDataset();
        second.Add(Pdv(1, false, false, new byte[10]));
        Assert.Throws<DimseProtocolException>(() => second.Add(Pdv(1, false, true, 1)));
    }
}

using ActorBroker.Dicom.Network.Pdus;
using static ActorBroker.Dicom.Tests.Network.Bytes;

namespace ActorBroker.Dicom.Tests.Network.Pdus;

public sealed class AAssociateRQTests
{
    [Fact]
    public void Parses_the_hand_built_request()
    {
        var bytes = PduTestData.AssociateRQ();
        var rq = (AAssociateRQ)Pdu.Parse(PduType.AAssociateRQ, bytes.AsSpan(6));

        Assert.Equal(1, rq.ProtocolVersion);
        Assert.Equal("ACTORBROKER", rq.CalledAETitle);
        Assert.Equal("ECHOSCU", rq.CallingAETitle);
        Assert.Equal("1.2.840.10008.3.1.1.1", rq.ApplicationContextName);
        var pc = Assert.Single(rq.PresentationContexts);
        Assert.Equal(1, pc.Id);
        Assert.Equal("1.2.840.10008.1.1", pc.AbstractSyntax);
        Assert.Equal(["1.2.840.10008.1.2", "1.2.840.10008.1.2.1"], pc.TransferSyntaxes);
        Assert.Equal(16384u, rq.UserInformation.MaximumLength);
        Assert.Equal("1.2.3.4", rq.UserInformation.ImplementationClassUid);
        Assert.Equal("TESTSCU", rq.UserInformation.ImplementationVersionName);
        Assert.Null(rq.UserInformation.AsynchronousOperationsWindow);
    }

    [Fact]
    public void Writes_exactly_the_hand_built_bytes()
    {
        var rq = new AAssociateRQ
        {
            CalledAETitle = "ACTORBROKER",
            CallingAETitle = "ECHOSCU",
            PresentationContexts = [new PresentationContextRQItem(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1"])],
            UserInformation = new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3.4", ImplementationVersionName = "TESTSCU" },
        };

        Assert.Equal(PduTestData.AssociateRQ(), rq.ToArray());
    }

    [Fact]
    public void Skips_unknown_items_and_sub_items_and_tolerates_padding()
    {
        // An unknown item (60H) between the items, a user identity sub-item (58H) and an SOP class extended
        // negotiation sub-item (56H) in the user information, NUL-padded UIDs, an AE title with leading spaces.
        // Context item: 4 + 22 (30H) + 22 (40H) + 6 (unknown 77H) + 22 (40H) = 76 (4CH); user information: 8 + 23 + 8 = 39 (27H).
        var userInfo = Concat(
            Hex("58 00 00 04 01 00 00 00"),
            Hex("56 00 00 13 00 11"), Ascii("1.2.840.10008.1.1"),
            Hex("51 00 00 04 00 00 10 00"));
        var body = Concat(
            Hex("00 01 00 00"),
            Ascii("  ACTORBROKER   "),
            Ascii("MODALITY1       "),
            Zeros(32),
            Hex("10 00 00 16"), Ascii("1.2.840.10008.3.1.1.1"), Hex("00"),
            Hex("60 00 00 04 DE AD BE EF"),
            Hex("20 00 00 4C 01 00 00 00"),
            Hex("30 00 00 12"), Ascii("1.2.840.10008.1.1"), Hex("00"),
            Hex("40 00 00 12"), Ascii("1.2.840.10008.1.2"), Hex("00"),
            Hex("77 00 00 02 00 00"),
            Hex("40 00 00 12"), Ascii("1.2.840.10008.1.2"), Hex("00"),
            Hex("50 00 00 27"), userInfo);

        var rq = AAssociateRQ.Parse(body);

        Assert.Equal("ACTORBROKER", rq.CalledAETitle);
        Assert.Equal("MODALITY1", rq.CallingAETitle);
        Assert.Equal("1.2.840.10008.3.1.1.1", rq.ApplicationContextName);
        var pc = Assert.Single(rq.PresentationContexts);
        Assert.Equal("1.2.840.10008.1.1", pc.AbstractSyntax);
        Assert.Equal(["1.2.840.10008.1.2", "1.2.840.10008.1.2"], pc.TransferSyntaxes);
        Assert.Equal(4096u, rq.UserInformation.MaximumLength);
    }

    [Fact]
    public void Role_selection_and_async_window_round_trip()
    {
        var rq = new AAssociateRQ
        {
            CalledAETitle = "A",
            CallingAETitle = "B",
            PresentationContexts = [new PresentationContextRQItem(3, "1.2.840.10008.5.1.4.31", ["1.2.840.10008.1.2"])],
            UserInformation = new UserInformation
            {
                MaximumLength = 0,
                AsynchronousOperationsWindow = new AsynchronousOperationsWindow(5, 0),
                RoleSelections = [new ScpScuRoleSelection("1.2.840.10008.5.1.4.31", ScuRole: true, ScpRole: false)],
            },
        };

        var bytes = rq.ToArray();
        var parsed = (AAssociateRQ)Pdu.Parse(PduType.AAssociateRQ, bytes.AsSpan(6));

        Assert.Equal(0u, parsed.UserInformation.MaximumLength);
        Assert.Equal(new AsynchronousOperationsWindow(5, 0), parsed.UserInformation.AsynchronousOperationsWindow);
        Assert.Equal(new ScpScuRoleSelection("1.2.840.10008.5.1.4.31", true, false), Assert.Single(parsed.UserInformation.RoleSelections));

        // 54H sub-item by hand (PS3.7 D.3.3.4): item length 2 + 22 + 2 = 26 (1AH), UID-length 22 (16H), SCU 1, SCP 0.
        var expectedRole = Concat(Hex("54 00 00 1A 00 16"), Ascii("1.2.840.10008.5.1.4.31"), Hex("01 00"));
        Assert.True(bytes.AsSpan().IndexOf(expectedRole) > 0);
        var expectedWindow = Hex("53 00 00 04 00 05 00 00");
        Assert.True(bytes.AsSpan().IndexOf(expectedWindow) > 0);
    }

    [Fact]
    public void Item_length_past_the_end_is_an_invalid_parameter()
    {
        var bytes = PduTestData.AssociateRQ();
        bytes[6 + 68 + 3] = 0xFF; // application context item length 15H -> FFH
        var e = Assert.Throws<PduFormatException>(() => Pdu.Parse(PduType.AAssociateRQ, bytes.AsSpan(6)));
        Assert.Equal(AAbortReason.InvalidPduParameterValue, e.Reason);
    }

    [Fact]
    public void A_body_shorter_than_the_fixed_fields_is_an_invalid_parameter()
    {
        var e = Assert.Throws<PduFormatException>(() => AAssociateRQ.Parse(Zeros(67)));
        Assert.Equal(AAbortReason.InvalidPduParameterValue, e.Reason);
    }
}

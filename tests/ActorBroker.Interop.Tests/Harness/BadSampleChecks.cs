using ActorBroker.Hl7;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>What a bad sample must produce: a negative ACK whose ERR names the field, and an exception record with the raw bytes.</summary>
internal static class BadSampleChecks
{
    /// <summary>File, MSH-10, the segment-field the ERR must name.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "bad-truncated.hl7", "MSGBAD1", "OBR-18" },
        { "bad-unknown-order-control.hl7", "MSGBAD3", "ORC-1" },
    };

    public static async Task VerifyAsync(BrokerApi api, AckReply reply, string controlId, string location, byte[] rawAsSent)
    {
        Assert.True(reply.Code == AckCode.AE, $"AE expected: {reply}");
        Assert.Equal(controlId, reply.Ack.MessageControlId);
        var error = Assert.Single(reply.Ack.Errors);
        Assert.Equal(location, error.Location?.ToString());
        Assert.Equal(Hl7Severity.Error, error.Severity);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), $"ERR without a readable message: {reply}");
        var (segment, field) = (location.Split('-')[0], location.Split('-')[1]);
        Assert.Contains($"|{segment}^1^{field}", reply.Segment("ERR"), StringComparison.Ordinal); // ERR-2 (ERL) segment^sequence^field

        var record = await api.WaitForExceptionAsync(
            s => s.Str("messageControlId") == controlId,
            d => d.Str("location") == location,
            $"for {controlId} at {location}");
        Assert.Equal("AE", record.Str("ackCode"));
        Assert.Equal("hl7:orders", record.Str("source"));
        Assert.Equal(rawAsSent, Convert.FromBase64String(record.Str("rawBase64")!));
        Assert.Equal(rawAsSent.Length, record.GetProperty("rawLength").GetInt32());
    }
}

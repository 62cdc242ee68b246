namespace ActorBroker.Interop.Tests.Harness;

/// <summary>One message the EHR receiver got, with the ACK code it answered.</summary>
internal sealed record ReceivedHl7(string ControlId, string Type, string Text, string Ack)
{
    public string[] Segments => Text.Split('\r', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Field n (1-based, MSH counted like HL7: MSH-1 is the separator) of the first segment with this id.</summary>
    public string Field(string segment, int n)
    {
        foreach (var s in Segments)
        {
            if (!s.StartsWith(segment + "|", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = s.Split('|');
            var index = segment == "MSH" ? n - 1 : n;
            return index < parts.Length ? parts[index] : "";
        }

        return "";
    }

    /// <summary>ORC-5 (order status) for status messages.</summary>
    public string OrderStatus => Field("ORC", 5);

    public string Summary => $"{Type} {ControlId} ORC-1={Field("ORC", 1)} ORC-5={OrderStatus} ack={Ack}";
}

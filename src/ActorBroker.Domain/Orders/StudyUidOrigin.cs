namespace ActorBroker.Domain.Orders;

/// <summary>
/// Where an order's Study Instance UID came from. The decider needs it: a UID the broker made up
/// (generated, derived) or did not get (absent, e.g. an XO without ZDS) never replaces the UID an
/// existing order already has, while a UID the EHR sent does.
/// </summary>
public enum StudyUidOrigin
{
    /// <summary>Sent by the EHR (ZDS-1 or IPC-3).</summary>
    Message = 0,

    /// <summary>Derived from site and accession (deterministic: a resend derives the same UID).</summary>
    Derived = 1,

    /// <summary>Generated at random (a resend would generate another).</summary>
    Generated = 2,

    /// <summary>The message had none and none was made (a change that keeps the existing UID).</summary>
    Absent = 3,
}

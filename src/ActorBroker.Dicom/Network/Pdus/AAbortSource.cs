namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>A-ABORT PDU Source field, PS3.8 9.3.8 (Table 9-26, byte 9).</summary>
public enum AAbortSource : byte
{
    /// <summary>0 - DICOM UL service-user (initiated abort).</summary>
    ServiceUser = 0,

    /// <summary>1 - reserved.</summary>
    Reserved = 1,

    /// <summary>2 - DICOM UL service-provider (initiated abort).</summary>
    ServiceProvider = 2,
}

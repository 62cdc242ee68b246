namespace ActorBroker.Dicom.Network;

/// <summary>
/// What the I/O shell must do for a transition: the actions of PS3.8 9.2.2 broken into the
/// primitive effects they are made of. The state machine only computes them; the shell executes
/// them (sends first, then timers, then closing the transport).
/// </summary>
[Flags]
internal enum UpperLayerEffects
{
    None = 0,
    ConnectTransport = 1 << 0,
    SendAAssociateRQ = 1 << 1,
    SendAAssociateAC = 1 << 2,
    SendAAssociateRJ = 1 << 3,
    SendPDataTF = 1 << 4,
    SendAReleaseRQ = 1 << 5,
    SendAReleaseRP = 1 << 6,

    /// <summary>Send A-ABORT with source 0 (service-user).</summary>
    SendAAbortServiceUser = 1 << 7,

    /// <summary>Send A-ABORT with source 2 (service-provider) and the diagnosed reason.</summary>
    SendAAbortServiceProvider = 1 << 8,
    StartArtim = 1 << 9,
    StopArtim = 1 << 10,
    CloseTransport = 1 << 11,
    IndicateAssociateRequest = 1 << 12,
    IndicateAssociateAccept = 1 << 13,
    IndicateAssociateReject = 1 << 14,
    IndicatePData = 1 << 15,
    IndicateReleaseRequest = 1 << 16,
    IndicateReleaseConfirm = 1 << 17,
    IndicateReleaseCollision = 1 << 18,

    /// <summary>A-ABORT or A-P-ABORT indication, depending on the source of the received A-ABORT (AA-3).</summary>
    IndicateAbort = 1 << 19,

    /// <summary>A-P-ABORT indication.</summary>
    IndicateProviderAbort = 1 << 20,
    IgnorePdu = 1 << 21,
}

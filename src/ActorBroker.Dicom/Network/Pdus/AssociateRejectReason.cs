namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// A-ASSOCIATE-RJ Reason/Diag. values, PS3.8 9.3.4 (Table 9-21, byte 10). The meaning of a value
/// depends on the Source field, so the values are constants grouped by source.
/// </summary>
public static class AssociateRejectReason
{
    /// <summary>Source 1 (service-user).</summary>
    public static class ServiceUser
    {
        public const byte NoReasonGiven = 1;
        public const byte ApplicationContextNameNotSupported = 2;
        public const byte CallingAETitleNotRecognized = 3;
        public const byte CalledAETitleNotRecognized = 7;
    }

    /// <summary>Source 2 (service-provider, ACSE related).</summary>
    public static class ServiceProviderAcse
    {
        public const byte NoReasonGiven = 1;
        public const byte ProtocolVersionNotSupported = 2;
    }

    /// <summary>Source 3 (service-provider, presentation related).</summary>
    public static class ServiceProviderPresentation
    {
        public const byte TemporaryCongestion = 1;
        public const byte LocalLimitExceeded = 2;
    }

    /// <summary>The standard's wording for a (source, reason) pair.</summary>
    public static string Describe(AssociateRejectSource source, byte reason) => (source, reason) switch
    {
        (AssociateRejectSource.ServiceUser, 1) => "no-reason-given",
        (AssociateRejectSource.ServiceUser, 2) => "application-context-name-not-supported",
        (AssociateRejectSource.ServiceUser, 3) => "calling-AE-title-not-recognized",
        (AssociateRejectSource.ServiceUser, 7) => "called-AE-title-not-recognized",
        (AssociateRejectSource.ServiceProviderAcse, 1) => "no-reason-given",
        (AssociateRejectSource.ServiceProviderAcse, 2) => "protocol-version-not-supported",
        (AssociateRejectSource.ServiceProviderPresentation, 1) => "temporary-congestion",
        (AssociateRejectSource.ServiceProviderPresentation, 2) => "local-limit-exceeded",
        _ => $"reserved ({reason})",
    };
}

namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ Source field, PS3.8 9.3.4 (Table 9-21, byte 9).</summary>
public enum AssociateRejectSource : byte
{
    /// <summary>1 - DICOM UL service-user.</summary>
    ServiceUser = 1,

    /// <summary>2 - DICOM UL service-provider (ACSE related function).</summary>
    ServiceProviderAcse = 2,

    /// <summary>3 - DICOM UL service-provider (Presentation related function).</summary>
    ServiceProviderPresentation = 3,
}

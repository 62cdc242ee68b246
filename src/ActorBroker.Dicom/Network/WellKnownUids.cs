namespace ActorBroker.Dicom.Network;

/// <summary>UIDs the network layer negotiates by name (PS3.6 Annex A).</summary>
public static class WellKnownUids
{
    /// <summary>DICOM Application Context Name, PS3.7 A.2.1.</summary>
    public const string DicomApplicationContext = "1.2.840.10008.3.1.1.1";

    /// <summary>Verification SOP Class (C-ECHO), PS3.4 A.</summary>
    public const string Verification = "1.2.840.10008.1.1";

    /// <summary>Modality Worklist Information Model - FIND, PS3.4 K.6.1.2.</summary>
    public const string ModalityWorklistInformationModelFind = "1.2.840.10008.5.1.4.31";

    /// <summary>Modality Performed Procedure Step SOP Class (N-CREATE / N-SET), PS3.4 F.7.</summary>
    public const string ModalityPerformedProcedureStep = "1.2.840.10008.3.1.2.3.3";

    /// <summary>Basic Text SR Storage, PS3.4 B.5.</summary>
    public const string BasicTextSRStorage = "1.2.840.10008.5.1.4.1.1.88.11";

    /// <summary>Implicit VR Little Endian, PS3.5 A.1.</summary>
    public const string ImplicitVRLittleEndian = "1.2.840.10008.1.2";

    /// <summary>Explicit VR Little Endian, PS3.5 A.2.</summary>
    public const string ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";

    /// <summary>Explicit VR Big Endian (retired), PS3.5 A.3.</summary>
    public const string ExplicitVRBigEndian = "1.2.840.10008.1.2.2";
}

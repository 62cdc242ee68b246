namespace ActorBroker.Dicom.Data;

/// <summary>
/// VR and keyword of the tags in <see cref="DicomTags"/>, for Implicit VR decoding (PS3.5 7.1.3: the VR is not on
/// the wire and comes from the data dictionary, PS3.6). Tags not listed decode as UN and are carried through as bytes.
/// </summary>
public static class DicomDictionary
{
    private static readonly Dictionary<uint, (DicomVR Vr, string Keyword)> Entries = Build();

    /// <summary>Number of tags in the dictionary.</summary>
    public static int Count => Entries.Count;

    /// <summary>
    /// VR and keyword of a known tag. Also answers for any group length (gggg,0000) -> UL and private creator
    /// (gggg,0010-00FF, odd gggg) -> LO (PS3.5 7.2, 7.8.1). Null for anything else (decode as UN).
    /// Delimitation items (FFFE,xxxx) have no VR and are reported as UN.
    /// </summary>
    public static (DicomVR Vr, string Keyword)? Lookup(DicomTag tag)
    {
        if (Entries.TryGetValue(tag.Value, out var entry)) return entry;
        if (tag.IsGroupLength) return (DicomVR.UL, "GroupLength");
        if (tag.IsPrivateCreator) return (DicomVR.LO, "PrivateCreator");
        return null;
    }

    /// <summary>The tag with this PS3.6 keyword, if known.</summary>
    public static DicomTag? FindByKeyword(string keyword)
    {
        foreach (var (value, entry) in Entries)
        {
            if (string.Equals(entry.Keyword, keyword, StringComparison.Ordinal)) return DicomTag.FromValue(value);
        }
        return null;
    }

    private static Dictionary<uint, (DicomVR, string)> Build()
    {
        var d = new Dictionary<uint, (DicomVR, string)>();
        d.Add(0x00000000, (DicomVR.UL, "CommandGroupLength"));
        d.Add(0x00000002, (DicomVR.UI, "AffectedSOPClassUID"));
        d.Add(0x00000003, (DicomVR.UI, "RequestedSOPClassUID"));
        d.Add(0x00000100, (DicomVR.US, "CommandField"));
        d.Add(0x00000110, (DicomVR.US, "MessageID"));
        d.Add(0x00000120, (DicomVR.US, "MessageIDBeingRespondedTo"));
        d.Add(0x00000600, (DicomVR.AE, "MoveDestination"));
        d.Add(0x00000700, (DicomVR.US, "Priority"));
        d.Add(0x00000800, (DicomVR.US, "CommandDataSetType"));
        d.Add(0x00000900, (DicomVR.US, "Status"));
        d.Add(0x00000901, (DicomVR.AT, "OffendingElement"));
        d.Add(0x00000902, (DicomVR.LO, "ErrorComment"));
        d.Add(0x00000903, (DicomVR.US, "ErrorID"));
        d.Add(0x00001000, (DicomVR.UI, "AffectedSOPInstanceUID"));
        d.Add(0x00001001, (DicomVR.UI, "RequestedSOPInstanceUID"));
        d.Add(0x00001002, (DicomVR.US, "EventTypeID"));
        d.Add(0x00001005, (DicomVR.AT, "AttributeIdentifierList"));
        d.Add(0x00001008, (DicomVR.US, "ActionTypeID"));
        d.Add(0x00001020, (DicomVR.US, "NumberOfRemainingSuboperations"));
        d.Add(0x00001021, (DicomVR.US, "NumberOfCompletedSuboperations"));
        d.Add(0x00001022, (DicomVR.US, "NumberOfFailedSuboperations"));
        d.Add(0x00001023, (DicomVR.US, "NumberOfWarningSuboperations"));
        d.Add(0x00001030, (DicomVR.AE, "MoveOriginatorApplicationEntityTitle"));
        d.Add(0x00001031, (DicomVR.US, "MoveOriginatorMessageID"));
        d.Add(0x00020000, (DicomVR.UL, "FileMetaInformationGroupLength"));
        d.Add(0x00020001, (DicomVR.OB, "FileMetaInformationVersion"));
        d.Add(0x00020002, (DicomVR.UI, "MediaStorageSOPClassUID"));
        d.Add(0x00020003, (DicomVR.UI, "MediaStorageSOPInstanceUID"));
        d.Add(0x00020010, (DicomVR.UI, "TransferSyntaxUID"));
        d.Add(0x00020012, (DicomVR.UI, "ImplementationClassUID"));
        d.Add(0x00020013, (DicomVR.SH, "ImplementationVersionName"));
        d.Add(0x00020016, (DicomVR.AE, "SourceApplicationEntityTitle"));
        d.Add(0x00020017, (DicomVR.AE, "SendingApplicationEntityTitle"));
        d.Add(0x00020018, (DicomVR.AE, "ReceivingApplicationEntityTitle"));
        d.Add(0x00020100, (DicomVR.UI, "PrivateInformationCreatorUID"));
        d.Add(0x00020102, (DicomVR.OB, "PrivateInformation"));
        d.Add(0x00080005, (DicomVR.CS, "SpecificCharacterSet"));
        d.Add(0x00080008, (DicomVR.CS, "ImageType"));
        d.Add(0x00080012, (DicomVR.DA, "InstanceCreationDate"));
        d.Add(0x00080013, (DicomVR.TM, "InstanceCreationTime"));
        d.Add(0x00080014, (DicomVR.UI, "InstanceCreatorUID"));
        d.Add(0x00080016, (DicomVR.UI, "SOPClassUID"));
        d.Add(0x00080018, (DicomVR.UI, "SOPInstanceUID"));
        d.Add(0x00080020, (DicomVR.DA, "StudyDate"));
        d.Add(0x00080021, (DicomVR.DA, "SeriesDate"));
        d.Add(0x00080022, (DicomVR.DA, "AcquisitionDate"));
        d.Add(0x00080023, (DicomVR.DA, "ContentDate"));
        d.Add(0x00080030, (DicomVR.TM, "StudyTime"));
        d.Add(0x00080031, (DicomVR.TM, "SeriesTime"));
        d.Add(0x00080032, (DicomVR.TM, "AcquisitionTime"));
        d.Add(0x00080033, (DicomVR.TM, "ContentTime"));
        d.Add(0x00080050, (DicomVR.SH, "AccessionNumber"));
        d.Add(0x00080051, (DicomVR.SQ, "IssuerOfAccessionNumberSequence"));
        d.Add(0x00080052, (DicomVR.CS, "QueryRetrieveLevel"));
        d.Add(0x00080054, (DicomVR.AE, "RetrieveAETitle"));
        d.Add(0x00080056, (DicomVR.CS, "InstanceAvailability"));
        d.Add(0x00080060, (DicomVR.CS, "Modality"));
        d.Add(0x00080061, (DicomVR.CS, "ModalitiesInStudy"));
        d.Add(0x00080064, (DicomVR.CS, "ConversionType"));
        d.Add(0x00080070, (DicomVR.LO, "Manufacturer"));
        d.Add(0x00080080, (DicomVR.LO, "InstitutionName"));
        d.Add(0x00080081, (DicomVR.ST, "InstitutionAddress"));
        d.Add(0x00080090, (DicomVR.PN, "ReferringPhysicianName"));
        d.Add(0x00080100, (DicomVR.SH, "CodeValue"));
        d.Add(0x00080102, (DicomVR.SH, "CodingSchemeDesignator"));
        d.Add(0x00080103, (DicomVR.SH, "CodingSchemeVersion"));
        d.Add(0x00080104, (DicomVR.LO, "CodeMeaning"));
        d.Add(0x00080105, (DicomVR.CS, "MappingResource"));
        d.Add(0x00080119, (DicomVR.UC, "LongCodeValue"));
        d.Add(0x00080120, (DicomVR.UR, "URNCodeValue"));
        d.Add(0x00080201, (DicomVR.SH, "TimezoneOffsetFromUTC"));
        d.Add(0x00081010, (DicomVR.SH, "StationName"));
        d.Add(0x00081030, (DicomVR.LO, "StudyDescription"));
        d.Add(0x00081032, (DicomVR.SQ, "ProcedureCodeSequence"));
        d.Add(0x0008103E, (DicomVR.LO, "SeriesDescription"));
        d.Add(0x00081040, (DicomVR.LO, "InstitutionalDepartmentName"));
        d.Add(0x00081050, (DicomVR.PN, "PerformingPhysicianName"));
        d.Add(0x00081060, (DicomVR.PN, "NameOfPhysiciansReadingStudy"));
        d.Add(0x00081070, (DicomVR.PN, "OperatorsName"));
        d.Add(0x00081080, (DicomVR.LO, "AdmittingDiagnosesDescription"));
        d.Add(0x00081090, (DicomVR.LO, "ManufacturerModelName"));
        d.Add(0x00081110, (DicomVR.SQ, "ReferencedStudySequence"));
        d.Add(0x00081111, (DicomVR.SQ, "ReferencedPerformedProcedureStepSequence"));
        d.Add(0x00081115, (DicomVR.SQ, "ReferencedSeriesSequence"));
        d.Add(0x00081120, (DicomVR.SQ, "ReferencedPatientSequence"));
        d.Add(0x00081140, (DicomVR.SQ, "ReferencedImageSequence"));
        d.Add(0x0008114A, (DicomVR.SQ, "ReferencedInstanceSequence"));
        d.Add(0x00081150, (DicomVR.UI, "ReferencedSOPClassUID"));
        d.Add(0x00081155, (DicomVR.UI, "ReferencedSOPInstanceUID"));
        d.Add(0x00081195, (DicomVR.UI, "TransactionUID"));
        d.Add(0x00081197, (DicomVR.US, "FailureReason"));
        d.Add(0x00081198, (DicomVR.SQ, "FailedSOPSequence"));
        d.Add(0x00081199, (DicomVR.SQ, "ReferencedSOPSequence"));
        d.Add(0x00100010, (DicomVR.PN, "PatientName"));
        d.Add(0x00100020, (DicomVR.LO, "PatientID"));
        d.Add(0x00100021, (DicomVR.LO, "IssuerOfPatientID"));
        d.Add(0x00100024, (DicomVR.SQ, "IssuerOfPatientIDQualifiersSequence"));
        d.Add(0x00100030, (DicomVR.DA, "PatientBirthDate"));
        d.Add(0x00100032, (DicomVR.TM, "PatientBirthTime"));
        d.Add(0x00100040, (DicomVR.CS, "PatientSex"));
        d.Add(0x00101001, (DicomVR.PN, "OtherPatientNames"));
        d.Add(0x00101002, (DicomVR.SQ, "OtherPatientIDsSequence"));
        d.Add(0x00101010, (DicomVR.AS, "PatientAge"));
        d.Add(0x00101020, (DicomVR.DS, "PatientSize"));
        d.Add(0x00101030, (DicomVR.DS, "PatientWeight"));
        d.Add(0x00101040, (DicomVR.LO, "PatientAddress"));
        d.Add(0x00102000, (DicomVR.LO, "MedicalAlerts"));
        d.Add(0x00102110, (DicomVR.LO, "Allergies"));
        d.Add(0x00102154, (DicomVR.SH, "PatientTelephoneNumbers"));
        d.Add(0x00102160, (DicomVR.SH, "EthnicGroup"));
        d.Add(0x001021C0, (DicomVR.US, "PregnancyStatus"));
        d.Add(0x00104000, (DicomVR.LT, "PatientComments"));
        d.Add(0x00180015, (DicomVR.CS, "BodyPartExamined"));
        d.Add(0x00181000, (DicomVR.LO, "DeviceSerialNumber"));
        d.Add(0x00181020, (DicomVR.LO, "SoftwareVersions"));
        d.Add(0x00181030, (DicomVR.LO, "ProtocolName"));
        d.Add(0x00185100, (DicomVR.CS, "PatientPosition"));
        d.Add(0x0020000D, (DicomVR.UI, "StudyInstanceUID"));
        d.Add(0x0020000E, (DicomVR.UI, "SeriesInstanceUID"));
        d.Add(0x00200010, (DicomVR.SH, "StudyID"));
        d.Add(0x00200011, (DicomVR.IS, "SeriesNumber"));
        d.Add(0x00200013, (DicomVR.IS, "InstanceNumber"));
        d.Add(0x00200020, (DicomVR.CS, "PatientOrientation"));
        d.Add(0x00200052, (DicomVR.UI, "FrameOfReferenceUID"));
        d.Add(0x00280002, (DicomVR.US, "SamplesPerPixel"));
        d.Add(0x00280004, (DicomVR.CS, "PhotometricInterpretation"));
        d.Add(0x00280006, (DicomVR.US, "PlanarConfiguration"));
        d.Add(0x00280008, (DicomVR.IS, "NumberOfFrames"));
        d.Add(0x00280010, (DicomVR.US, "Rows"));
        d.Add(0x00280011, (DicomVR.US, "Columns"));
        d.Add(0x00280030, (DicomVR.DS, "PixelSpacing"));
        d.Add(0x00280100, (DicomVR.US, "BitsAllocated"));
        d.Add(0x00280101, (DicomVR.US, "BitsStored"));
        d.Add(0x00280102, (DicomVR.US, "HighBit"));
        d.Add(0x00280103, (DicomVR.US, "PixelRepresentation"));
        d.Add(0x00321031, (DicomVR.SQ, "RequestingPhysicianIdentificationSequence"));
        d.Add(0x00321032, (DicomVR.PN, "RequestingPhysician"));
        d.Add(0x00321033, (DicomVR.LO, "RequestingService"));
        d.Add(0x00321060, (DicomVR.LO, "RequestedProcedureDescription"));
        d.Add(0x00321064, (DicomVR.SQ, "RequestedProcedureCodeSequence"));
        d.Add(0x00321070, (DicomVR.LO, "RequestedContrastAgent"));
        d.Add(0x00380008, (DicomVR.CS, "VisitStatusID"));
        d.Add(0x00380010, (DicomVR.LO, "AdmissionID"));
        d.Add(0x00380014, (DicomVR.SQ, "IssuerOfAdmissionIDSequence"));
        d.Add(0x00380050, (DicomVR.LO, "SpecialNeeds"));
        d.Add(0x00380300, (DicomVR.LO, "CurrentPatientLocation"));
        d.Add(0x00380500, (DicomVR.LO, "PatientState"));
        d.Add(0x00400001, (DicomVR.AE, "ScheduledStationAETitle"));
        d.Add(0x00400002, (DicomVR.DA, "ScheduledProcedureStepStartDate"));
        d.Add(0x00400003, (DicomVR.TM, "ScheduledProcedureStepStartTime"));
        d.Add(0x00400004, (DicomVR.DA, "ScheduledProcedureStepEndDate"));
        d.Add(0x00400005, (DicomVR.TM, "ScheduledProcedureStepEndTime"));
        d.Add(0x00400006, (DicomVR.PN, "ScheduledPerformingPhysicianName"));
        d.Add(0x00400007, (DicomVR.LO, "ScheduledProcedureStepDescription"));
        d.Add(0x00400008, (DicomVR.SQ, "ScheduledProtocolCodeSequence"));
        d.Add(0x00400009, (DicomVR.SH, "ScheduledProcedureStepID"));
        d.Add(0x00400010, (DicomVR.SH, "ScheduledStationName"));
        d.Add(0x00400011, (DicomVR.SH, "ScheduledProcedureStepLocation"));
        d.Add(0x00400012, (DicomVR.LO, "PreMedication"));
        d.Add(0x00400020, (DicomVR.CS, "ScheduledProcedureStepStatus"));
        d.Add(0x00400031, (DicomVR.UT, "LocalNamespaceEntityID"));
        d.Add(0x00400032, (DicomVR.UT, "UniversalEntityID"));
        d.Add(0x00400033, (DicomVR.CS, "UniversalEntityIDType"));
        d.Add(0x00400100, (DicomVR.SQ, "ScheduledProcedureStepSequence"));
        d.Add(0x00400220, (DicomVR.SQ, "ReferencedNonImageCompositeSOPInstanceSequence"));
        d.Add(0x00400241, (DicomVR.AE, "PerformedStationAETitle"));
        d.Add(0x00400242, (DicomVR.SH, "PerformedStationName"));
        d.Add(0x00400243, (DicomVR.SH, "PerformedLocation"));
        d.Add(0x00400244, (DicomVR.DA, "PerformedProcedureStepStartDate"));
        d.Add(0x00400245, (DicomVR.TM, "PerformedProcedureStepStartTime"));
        d.Add(0x00400250, (DicomVR.DA, "PerformedProcedureStepEndDate"));
        d.Add(0x00400251, (DicomVR.TM, "PerformedProcedureStepEndTime"));
        d.Add(0x00400252, (DicomVR.CS, "PerformedProcedureStepStatus"));
        d.Add(0x00400253, (DicomVR.SH, "PerformedProcedureStepID"));
        d.Add(0x00400254, (DicomVR.LO, "PerformedProcedureStepDescription"));
        d.Add(0x00400255, (DicomVR.LO, "PerformedProcedureTypeDescription"));
        d.Add(0x00400260, (DicomVR.SQ, "PerformedProtocolCodeSequence"));
        d.Add(0x00400270, (DicomVR.SQ, "ScheduledStepAttributesSequence"));
        d.Add(0x00400275, (DicomVR.SQ, "RequestAttributesSequence"));
        d.Add(0x00400280, (DicomVR.ST, "CommentsOnThePerformedProcedureStep"));
        d.Add(0x00400281, (DicomVR.SQ, "PerformedProcedureStepDiscontinuationReasonCodeSequence"));
        d.Add(0x00400340, (DicomVR.SQ, "PerformedSeriesSequence"));
        d.Add(0x00400400, (DicomVR.LT, "CommentsOnTheScheduledProcedureStep"));
        d.Add(0x00401001, (DicomVR.SH, "RequestedProcedureID"));
        d.Add(0x00401002, (DicomVR.LO, "ReasonForTheRequestedProcedure"));
        d.Add(0x00401003, (DicomVR.SH, "RequestedProcedurePriority"));
        d.Add(0x00401004, (DicomVR.LO, "PatientTransportArrangements"));
        d.Add(0x00401005, (DicomVR.LO, "RequestedProcedureLocation"));
        d.Add(0x00401008, (DicomVR.LO, "ConfidentialityCode"));
        d.Add(0x00401010, (DicomVR.PN, "NamesOfIntendedRecipientsOfResults"));
        d.Add(0x00401400, (DicomVR.LT, "RequestedProcedureComments"));
        d.Add(0x00402004, (DicomVR.DA, "IssueDateOfImagingServiceRequest"));
        d.Add(0x00402005, (DicomVR.TM, "IssueTimeOfImagingServiceRequest"));
        d.Add(0x00402016, (DicomVR.LO, "PlacerOrderNumberImagingServiceRequest"));
        d.Add(0x00402017, (DicomVR.LO, "FillerOrderNumberImagingServiceRequest"));
        d.Add(0x00402400, (DicomVR.LT, "ImagingServiceRequestComments"));
        d.Add(0x00403001, (DicomVR.LO, "ConfidentialityConstraintOnPatientDataDescription"));
        d.Add(0x0040A010, (DicomVR.CS, "RelationshipType"));
        d.Add(0x0040A027, (DicomVR.LO, "VerifyingOrganization"));
        d.Add(0x0040A030, (DicomVR.DT, "VerificationDateTime"));
        d.Add(0x0040A032, (DicomVR.DT, "ObservationDateTime"));
        d.Add(0x0040A040, (DicomVR.CS, "ValueType"));
        d.Add(0x0040A043, (DicomVR.SQ, "ConceptNameCodeSequence"));
        d.Add(0x0040A050, (DicomVR.CS, "ContinuityOfContent"));
        d.Add(0x0040A073, (DicomVR.SQ, "VerifyingObserverSequence"));
        d.Add(0x0040A075, (DicomVR.PN, "VerifyingObserverName"));
        d.Add(0x0040A088, (DicomVR.SQ, "VerifyingObserverIdentificationCodeSequence"));
        d.Add(0x0040A120, (DicomVR.DT, "DateTime"));
        d.Add(0x0040A121, (DicomVR.DA, "Date"));
        d.Add(0x0040A122, (DicomVR.TM, "Time"));
        d.Add(0x0040A123, (DicomVR.PN, "PersonName"));
        d.Add(0x0040A124, (DicomVR.UI, "UID"));
        d.Add(0x0040A160, (DicomVR.UT, "TextValue"));
        d.Add(0x0040A168, (DicomVR.SQ, "ConceptCodeSequence"));
        d.Add(0x0040A170, (DicomVR.SQ, "PurposeOfReferenceCodeSequence"));
        d.Add(0x0040A370, (DicomVR.SQ, "ReferencedRequestSequence"));
        d.Add(0x0040A372, (DicomVR.SQ, "PerformedProcedureCodeSequence"));
        d.Add(0x0040A375, (DicomVR.SQ, "CurrentRequestedProcedureEvidenceSequence"));
        d.Add(0x0040A491, (DicomVR.CS, "CompletionFlag"));
        d.Add(0x0040A492, (DicomVR.LO, "CompletionFlagDescription"));
        d.Add(0x0040A493, (DicomVR.CS, "VerificationFlag"));
        d.Add(0x0040A504, (DicomVR.SQ, "ContentTemplateSequence"));
        d.Add(0x0040A730, (DicomVR.SQ, "ContentSequence"));
        d.Add(0x0040DB00, (DicomVR.CS, "TemplateIdentifier"));
        d.Add(0x7FE00010, (DicomVR.OW, "PixelData"));
        d.Add(0xFFFEE000, (DicomVR.UN, "Item"));
        d.Add(0xFFFEE00D, (DicomVR.UN, "ItemDelimitationItem"));
        d.Add(0xFFFEE0DD, (DicomVR.UN, "SequenceDelimitationItem"));
        // --- SR (reports)
        d.Add(0x004008EA, (DicomVR.SQ, "MeasurementUnitsCodeSequence"));
        d.Add(0x0040A300, (DicomVR.SQ, "MeasuredValueSequence"));
        d.Add(0x0040A30A, (DicomVR.DS, "NumericValue"));
        d.Add(0x0040A360, (DicomVR.SQ, "PredecessorDocumentsSequence"));
        d.Add(0x0040DB73, (DicomVR.UL, "ReferencedContentItemIdentifier"));
        return d;
    }
}

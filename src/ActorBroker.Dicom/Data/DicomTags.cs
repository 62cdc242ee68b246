namespace ActorBroker.Dicom.Data;

/// <summary>
/// The tags the broker reads or writes: command set (PS3.7 E.1), file meta (PS3.10 7.1), patient/study/series,
/// Modality Worklist (PS3.4 K.6), MPPS (PS3.4 F.7), Basic Text SR (PS3.3 A.35.1) and the item delimiters (PS3.5 7.5).
/// Names and keywords are those of PS3.6; <see cref="DicomDictionary"/> carries the same list with VRs.
/// </summary>
public static class DicomTags
{
    /// <summary>(0000,0000) UL 1 Command Group Length</summary>
    public static readonly DicomTag CommandGroupLength = new(0x0000, 0x0000);

    /// <summary>(0000,0002) UI 1 Affected SOP Class UID</summary>
    public static readonly DicomTag AffectedSOPClassUID = new(0x0000, 0x0002);

    /// <summary>(0000,0003) UI 1 Requested SOP Class UID</summary>
    public static readonly DicomTag RequestedSOPClassUID = new(0x0000, 0x0003);

    /// <summary>(0000,0100) US 1 Command Field</summary>
    public static readonly DicomTag CommandField = new(0x0000, 0x0100);

    /// <summary>(0000,0110) US 1 Message ID</summary>
    public static readonly DicomTag MessageID = new(0x0000, 0x0110);

    /// <summary>(0000,0120) US 1 Message ID Being Responded To</summary>
    public static readonly DicomTag MessageIDBeingRespondedTo = new(0x0000, 0x0120);

    /// <summary>(0000,0600) AE 1 Move Destination</summary>
    public static readonly DicomTag MoveDestination = new(0x0000, 0x0600);

    /// <summary>(0000,0700) US 1 Priority</summary>
    public static readonly DicomTag Priority = new(0x0000, 0x0700);

    /// <summary>(0000,0800) US 1 Command Data Set Type</summary>
    public static readonly DicomTag CommandDataSetType = new(0x0000, 0x0800);

    /// <summary>(0000,0900) US 1 Status</summary>
    public static readonly DicomTag Status = new(0x0000, 0x0900);

    /// <summary>(0000,0901) AT 1-n Offending Element</summary>
    public static readonly DicomTag OffendingElement = new(0x0000, 0x0901);

    /// <summary>(0000,0902) LO 1 Error Comment</summary>
    public static readonly DicomTag ErrorComment = new(0x0000, 0x0902);

    /// <summary>(0000,0903) US 1 Error ID</summary>
    public static readonly DicomTag ErrorID = new(0x0000, 0x0903);

    /// <summary>(0000,1000) UI 1 Affected SOP Instance UID</summary>
    public static readonly DicomTag AffectedSOPInstanceUID = new(0x0000, 0x1000);

    /// <summary>(0000,1001) UI 1 Requested SOP Instance UID</summary>
    public static readonly DicomTag RequestedSOPInstanceUID = new(0x0000, 0x1001);

    /// <summary>(0000,1002) US 1 Event Type ID</summary>
    public static readonly DicomTag EventTypeID = new(0x0000, 0x1002);

    /// <summary>(0000,1005) AT 1-n Attribute Identifier List</summary>
    public static readonly DicomTag AttributeIdentifierList = new(0x0000, 0x1005);

    /// <summary>(0000,1008) US 1 Action Type ID</summary>
    public static readonly DicomTag ActionTypeID = new(0x0000, 0x1008);

    /// <summary>(0000,1020) US 1 Number of Remaining Sub-operations</summary>
    public static readonly DicomTag NumberOfRemainingSuboperations = new(0x0000, 0x1020);

    /// <summary>(0000,1021) US 1 Number of Completed Sub-operations</summary>
    public static readonly DicomTag NumberOfCompletedSuboperations = new(0x0000, 0x1021);

    /// <summary>(0000,1022) US 1 Number of Failed Sub-operations</summary>
    public static readonly DicomTag NumberOfFailedSuboperations = new(0x0000, 0x1022);

    /// <summary>(0000,1023) US 1 Number of Warning Sub-operations</summary>
    public static readonly DicomTag NumberOfWarningSuboperations = new(0x0000, 0x1023);

    /// <summary>(0000,1030) AE 1 Move Originator Application Entity Title</summary>
    public static readonly DicomTag MoveOriginatorApplicationEntityTitle = new(0x0000, 0x1030);

    /// <summary>(0000,1031) US 1 Move Originator Message ID</summary>
    public static readonly DicomTag MoveOriginatorMessageID = new(0x0000, 0x1031);

    /// <summary>(0002,0000) UL 1 File Meta Information Group Length</summary>
    public static readonly DicomTag FileMetaInformationGroupLength = new(0x0002, 0x0000);

    /// <summary>(0002,0001) OB 1 File Meta Information Version</summary>
    public static readonly DicomTag FileMetaInformationVersion = new(0x0002, 0x0001);

    /// <summary>(0002,0002) UI 1 Media Storage SOP Class UID</summary>
    public static readonly DicomTag MediaStorageSOPClassUID = new(0x0002, 0x0002);

    /// <summary>(0002,0003) UI 1 Media Storage SOP Instance UID</summary>
    public static readonly DicomTag MediaStorageSOPInstanceUID = new(0x0002, 0x0003);

    /// <summary>(0002,0010) UI 1 Transfer Syntax UID</summary>
    public static readonly DicomTag TransferSyntaxUID = new(0x0002, 0x0010);

    /// <summary>(0002,0012) UI 1 Implementation Class UID</summary>
    public static readonly DicomTag ImplementationClassUID = new(0x0002, 0x0012);

    /// <summary>(0002,0013) SH 1 Implementation Version Name</summary>
    public static readonly DicomTag ImplementationVersionName = new(0x0002, 0x0013);

    /// <summary>(0002,0016) AE 1 Source Application Entity Title</summary>
    public static readonly DicomTag SourceApplicationEntityTitle = new(0x0002, 0x0016);

    /// <summary>(0002,0017) AE 1 Sending Application Entity Title</summary>
    public static readonly DicomTag SendingApplicationEntityTitle = new(0x0002, 0x0017);

    /// <summary>(0002,0018) AE 1 Receiving Application Entity Title</summary>
    public static readonly DicomTag ReceivingApplicationEntityTitle = new(0x0002, 0x0018);

    /// <summary>(0002,0100) UI 1 Private Information Creator UID</summary>
    public static readonly DicomTag PrivateInformationCreatorUID = new(0x0002, 0x0100);

    /// <summary>(0002,0102) OB 1 Private Information</summary>
    public static readonly DicomTag PrivateInformation = new(0x0002, 0x0102);

    /// <summary>(0008,0005) CS 1-n Specific Character Set</summary>
    public static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);

    /// <summary>(0008,0008) CS 2-n Image Type</summary>
    public static readonly DicomTag ImageType = new(0x0008, 0x0008);

    /// <summary>(0008,0012) DA 1 Instance Creation Date</summary>
    public static readonly DicomTag InstanceCreationDate = new(0x0008, 0x0012);

    /// <summary>(0008,0013) TM 1 Instance Creation Time</summary>
    public static readonly DicomTag InstanceCreationTime = new(0x0008, 0x0013);

    /// <summary>(0008,0014) UI 1 Instance Creator UID</summary>
    public static readonly DicomTag InstanceCreatorUID = new(0x0008, 0x0014);

    /// <summary>(0008,0016) UI 1 SOP Class UID</summary>
    public static readonly DicomTag SOPClassUID = new(0x0008, 0x0016);

    /// <summary>(0008,0018) UI 1 SOP Instance UID</summary>
    public static readonly DicomTag SOPInstanceUID = new(0x0008, 0x0018);

    /// <summary>(0008,0020) DA 1 Study Date</summary>
    public static readonly DicomTag StudyDate = new(0x0008, 0x0020);

    /// <summary>(0008,0021) DA 1 Series Date</summary>
    public static readonly DicomTag SeriesDate = new(0x0008, 0x0021);

    /// <summary>(0008,0022) DA 1 Acquisition Date</summary>
    public static readonly DicomTag AcquisitionDate = new(0x0008, 0x0022);

    /// <summary>(0008,0023) DA 1 Content Date</summary>
    public static readonly DicomTag ContentDate = new(0x0008, 0x0023);

    /// <summary>(0008,0030) TM 1 Study Time</summary>
    public static readonly DicomTag StudyTime = new(0x0008, 0x0030);

    /// <summary>(0008,0031) TM 1 Series Time</summary>
    public static readonly DicomTag SeriesTime = new(0x0008, 0x0031);

    /// <summary>(0008,0032) TM 1 Acquisition Time</summary>
    public static readonly DicomTag AcquisitionTime = new(0x0008, 0x0032);

    /// <summary>(0008,0033) TM 1 Content Time</summary>
    public static readonly DicomTag ContentTime = new(0x0008, 0x0033);

    /// <summary>(0008,0050) SH 1 Accession Number</summary>
    public static readonly DicomTag AccessionNumber = new(0x0008, 0x0050);

    /// <summary>(0008,0051) SQ 1 Issuer of Accession Number Sequence</summary>
    public static readonly DicomTag IssuerOfAccessionNumberSequence = new(0x0008, 0x0051);

    /// <summary>(0008,0052) CS 1 Query/Retrieve Level</summary>
    public static readonly DicomTag QueryRetrieveLevel = new(0x0008, 0x0052);

    /// <summary>(0008,0054) AE 1-n Retrieve AE Title</summary>
    public static readonly DicomTag RetrieveAETitle = new(0x0008, 0x0054);

    /// <summary>(0008,0056) CS 1 Instance Availability</summary>
    public static readonly DicomTag InstanceAvailability = new(0x0008, 0x0056);

    /// <summary>(0008,0060) CS 1 Modality</summary>
    public static readonly DicomTag Modality = new(0x0008, 0x0060);

    /// <summary>(0008,0061) CS 1-n Modalities in Study</summary>
    public static readonly DicomTag ModalitiesInStudy = new(0x0008, 0x0061);

    /// <summary>(0008,0064) CS 1 Conversion Type</summary>
    public static readonly DicomTag ConversionType = new(0x0008, 0x0064);

    /// <summary>(0008,0070) LO 1 Manufacturer</summary>
    public static readonly DicomTag Manufacturer = new(0x0008, 0x0070);

    /// <summary>(0008,0080) LO 1 Institution Name</summary>
    public static readonly DicomTag InstitutionName = new(0x0008, 0x0080);

    /// <summary>(0008,0081) ST 1 Institution Address</summary>
    public static readonly DicomTag InstitutionAddress = new(0x0008, 0x0081);

    /// <summary>(0008,0090) PN 1 Referring Physician's Name</summary>
    public static readonly DicomTag ReferringPhysicianName = new(0x0008, 0x0090);

    /// <summary>(0008,0100) SH 1 Code Value</summary>
    public static readonly DicomTag CodeValue = new(0x0008, 0x0100);

    /// <summary>(0008,0102) SH 1 Coding Scheme Designator</summary>
    public static readonly DicomTag CodingSchemeDesignator = new(0x0008, 0x0102);

    /// <summary>(0008,0103) SH 1 Coding Scheme Version</summary>
    public static readonly DicomTag CodingSchemeVersion = new(0x0008, 0x0103);

    /// <summary>(0008,0104) LO 1 Code Meaning</summary>
    public static readonly DicomTag CodeMeaning = new(0x0008, 0x0104);

    /// <summary>(0008,0105) CS 1 Mapping Resource</summary>
    public static readonly DicomTag MappingResource = new(0x0008, 0x0105);

    /// <summary>(0008,0119) UC 1 Long Code Value</summary>
    public static readonly DicomTag LongCodeValue = new(0x0008, 0x0119);

    /// <summary>(0008,0120) UR 1 URN Code Value</summary>
    public static readonly DicomTag URNCodeValue = new(0x0008, 0x0120);

    /// <summary>(0008,0201) SH 1 Timezone Offset From UTC</summary>
    public static readonly DicomTag TimezoneOffsetFromUTC = new(0x0008, 0x0201);

    /// <summary>(0008,1010) SH 1 Station Name</summary>
    public static readonly DicomTag StationName = new(0x0008, 0x1010);

    /// <summary>(0008,1030) LO 1 Study Description</summary>
    public static readonly DicomTag StudyDescription = new(0x0008, 0x1030);

    /// <summary>(0008,1032) SQ 1 Procedure Code Sequence</summary>
    public static readonly DicomTag ProcedureCodeSequence = new(0x0008, 0x1032);

    /// <summary>(0008,103E) LO 1 Series Description</summary>
    public static readonly DicomTag SeriesDescription = new(0x0008, 0x103E);

    /// <summary>(0008,1040) LO 1 Institutional Department Name</summary>
    public static readonly DicomTag InstitutionalDepartmentName = new(0x0008, 0x1040);

    /// <summary>(0008,1050) PN 1-n Performing Physician's Name</summary>
    public static readonly DicomTag PerformingPhysicianName = new(0x0008, 0x1050);

    /// <summary>(0008,1060) PN 1-n Name of Physician(s) Reading Study</summary>
    public static readonly DicomTag NameOfPhysiciansReadingStudy = new(0x0008, 0x1060);

    /// <summary>(0008,1070) PN 1-n Operators' Name</summary>
    public static readonly DicomTag OperatorsName = new(0x0008, 0x1070);

    /// <summary>(0008,1080) LO 1-n Admitting Diagnoses Description</summary>
    public static readonly DicomTag AdmittingDiagnosesDescription = new(0x0008, 0x1080);

    /// <summary>(0008,1090) LO 1 Manufacturer's Model Name</summary>
    public static readonly DicomTag ManufacturerModelName = new(0x0008, 0x1090);

    /// <summary>(0008,1110) SQ 1 Referenced Study Sequence</summary>
    public static readonly DicomTag ReferencedStudySequence = new(0x0008, 0x1110);

    /// <summary>(0008,1111) SQ 1 Referenced Performed Procedure Step Sequence</summary>
    public static readonly DicomTag ReferencedPerformedProcedureStepSequence = new(0x0008, 0x1111);

    /// <summary>(0008,1115) SQ 1 Referenced Series Sequence</summary>
    public static readonly DicomTag ReferencedSeriesSequence = new(0x0008, 0x1115);

    /// <summary>(0008,1120) SQ 1 Referenced Patient Sequence</summary>
    public static readonly DicomTag ReferencedPatientSequence = new(0x0008, 0x1120);

    /// <summary>(0008,1140) SQ 1 Referenced Image Sequence</summary>
    public static readonly DicomTag ReferencedImageSequence = new(0x0008, 0x1140);

    /// <summary>(0008,114A) SQ 1 Referenced Instance Sequence</summary>
    public static readonly DicomTag ReferencedInstanceSequence = new(0x0008, 0x114A);

    /// <summary>(0008,1150) UI 1 Referenced SOP Class UID</summary>
    public static readonly DicomTag ReferencedSOPClassUID = new(0x0008, 0x1150);

    /// <summary>(0008,1155) UI 1 Referenced SOP Instance UID</summary>
    public static readonly DicomTag ReferencedSOPInstanceUID = new(0x0008, 0x1155);

    /// <summary>(0008,1195) UI 1 Transaction UID</summary>
    public static readonly DicomTag TransactionUID = new(0x0008, 0x1195);

    /// <summary>(0008,1197) US 1 Failure Reason</summary>
    public static readonly DicomTag FailureReason = new(0x0008, 0x1197);

    /// <summary>(0008,1198) SQ 1 Failed SOP Sequence</summary>
    public static readonly DicomTag FailedSOPSequence = new(0x0008, 0x1198);

    /// <summary>(0008,1199) SQ 1 Referenced SOP Sequence</summary>
    public static readonly DicomTag ReferencedSOPSequence = new(0x0008, 0x1199);

    /// <summary>(0010,0010) PN 1 Patient's Name</summary>
    public static readonly DicomTag PatientName = new(0x0010, 0x0010);

    /// <summary>(0010,0020) LO 1 Patient ID</summary>
    public static readonly DicomTag PatientID = new(0x0010, 0x0020);

    /// <summary>(0010,0021) LO 1 Issuer of Patient ID</summary>
    public static readonly DicomTag IssuerOfPatientID = new(0x0010, 0x0021);

    /// <summary>(0010,0024) SQ 1 Issuer of Patient ID Qualifiers Sequence</summary>
    public static readonly DicomTag IssuerOfPatientIDQualifiersSequence = new(0x0010, 0x0024);

    /// <summary>(0010,0030) DA 1 Patient's Birth Date</summary>
    public static readonly DicomTag PatientBirthDate = new(0x0010, 0x0030);

    /// <summary>(0010,0032) TM 1 Patient's Birth Time</summary>
    public static readonly DicomTag PatientBirthTime = new(0x0010, 0x0032);

    /// <summary>(0010,0040) CS 1 Patient's Sex</summary>
    public static readonly DicomTag PatientSex = new(0x0010, 0x0040);

    /// <summary>(0010,1001) PN 1-n Other Patient Names</summary>
    public static readonly DicomTag OtherPatientNames = new(0x0010, 0x1001);

    /// <summary>(0010,1002) SQ 1 Other Patient IDs Sequence</summary>
    public static readonly DicomTag OtherPatientIDsSequence = new(0x0010, 0x1002);

    /// <summary>(0010,1010) AS 1 Patient's Age</summary>
    public static readonly DicomTag PatientAge = new(0x0010, 0x1010);

    /// <summary>(0010,1020) DS 1 Patient's Size</summary>
    public static readonly DicomTag PatientSize = new(0x0010, 0x1020);

    /// <summary>(0010,1030) DS 1 Patient's Weight</summary>
    public static readonly DicomTag PatientWeight = new(0x0010, 0x1030);

    /// <summary>(0010,1040) LO 1 Patient's Address</summary>
    public static readonly DicomTag PatientAddress = new(0x0010, 0x1040);

    /// <summary>(0010,2000) LO 1-n Medical Alerts</summary>
    public static readonly DicomTag MedicalAlerts = new(0x0010, 0x2000);

    /// <summary>(0010,2110) LO 1-n Allergies</summary>
    public static readonly DicomTag Allergies = new(0x0010, 0x2110);

    /// <summary>(0010,2154) SH 1-n Patient's Telephone Numbers</summary>
    public static readonly DicomTag PatientTelephoneNumbers = new(0x0010, 0x2154);

    /// <summary>(0010,2160) SH 1 Ethnic Group</summary>
    public static readonly DicomTag EthnicGroup = new(0x0010, 0x2160);

    /// <summary>(0010,21C0) US 1 Pregnancy Status</summary>
    public static readonly DicomTag PregnancyStatus = new(0x0010, 0x21C0);

    /// <summary>(0010,4000) LT 1 Patient Comments</summary>
    public static readonly DicomTag PatientComments = new(0x0010, 0x4000);

    /// <summary>(0018,0015) CS 1 Body Part Examined</summary>
    public static readonly DicomTag BodyPartExamined = new(0x0018, 0x0015);

    /// <summary>(0018,1000) LO 1 Device Serial Number</summary>
    public static readonly DicomTag DeviceSerialNumber = new(0x0018, 0x1000);

    /// <summary>(0018,1020) LO 1-n Software Versions</summary>
    public static readonly DicomTag SoftwareVersions = new(0x0018, 0x1020);

    /// <summary>(0018,1030) LO 1 Protocol Name</summary>
    public static readonly DicomTag ProtocolName = new(0x0018, 0x1030);

    /// <summary>(0018,5100) CS 1 Patient Position</summary>
    public static readonly DicomTag PatientPosition = new(0x0018, 0x5100);

    /// <summary>(0020,000D) UI 1 Study Instance UID</summary>
    public static readonly DicomTag StudyInstanceUID = new(0x0020, 0x000D);

    /// <summary>(0020,000E) UI 1 Series Instance UID</summary>
    public static readonly DicomTag SeriesInstanceUID = new(0x0020, 0x000E);

    /// <summary>(0020,0010) SH 1 Study ID</summary>
    public static readonly DicomTag StudyID = new(0x0020, 0x0010);

    /// <summary>(0020,0011) IS 1 Series Number</summary>
    public static readonly DicomTag SeriesNumber = new(0x0020, 0x0011);

    /// <summary>(0020,0013) IS 1 Instance Number</summary>
    public static readonly DicomTag InstanceNumber = new(0x0020, 0x0013);

    /// <summary>(0020,0020) CS 2 Patient Orientation</summary>
    public static readonly DicomTag PatientOrientation = new(0x0020, 0x0020);

    /// <summary>(0020,0052) UI 1 Frame of Reference UID</summary>
    public static readonly DicomTag FrameOfReferenceUID = new(0x0020, 0x0052);

    /// <summary>(0028,0002) US 1 Samples per Pixel</summary>
    public static readonly DicomTag SamplesPerPixel = new(0x0028, 0x0002);

    /// <summary>(0028,0004) CS 1 Photometric Interpretation</summary>
    public static readonly DicomTag PhotometricInterpretation = new(0x0028, 0x0004);

    /// <summary>(0028,0006) US 1 Planar Configuration</summary>
    public static readonly DicomTag PlanarConfiguration = new(0x0028, 0x0006);

    /// <summary>(0028,0008) IS 1 Number of Frames</summary>
    public static readonly DicomTag NumberOfFrames = new(0x0028, 0x0008);

    /// <summary>(0028,0010) US 1 Rows</summary>
    public static readonly DicomTag Rows = new(0x0028, 0x0010);

    /// <summary>(0028,0011) US 1 Columns</summary>
    public static readonly DicomTag Columns = new(0x0028, 0x0011);

    /// <summary>(0028,0030) DS 2 Pixel Spacing</summary>
    public static readonly DicomTag PixelSpacing = new(0x0028, 0x0030);

    /// <summary>(0028,0100) US 1 Bits Allocated</summary>
    public static readonly DicomTag BitsAllocated = new(0x0028, 0x0100);

    /// <summary>(0028,0101) US 1 Bits Stored</summary>
    public static readonly DicomTag BitsStored = new(0x0028, 0x0101);

    /// <summary>(0028,0102) US 1 High Bit</summary>
    public static readonly DicomTag HighBit = new(0x0028, 0x0102);

    /// <summary>(0028,0103) US 1 Pixel Representation</summary>
    public static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);

    /// <summary>(0032,1031) SQ 1 Requesting Physician Identification Sequence</summary>
    public static readonly DicomTag RequestingPhysicianIdentificationSequence = new(0x0032, 0x1031);

    /// <summary>(0032,1032) PN 1 Requesting Physician</summary>
    public static readonly DicomTag RequestingPhysician = new(0x0032, 0x1032);

    /// <summary>(0032,1033) LO 1 Requesting Service</summary>
    public static readonly DicomTag RequestingService = new(0x0032, 0x1033);

    /// <summary>(0032,1060) LO 1 Requested Procedure Description</summary>
    public static readonly DicomTag RequestedProcedureDescription = new(0x0032, 0x1060);

    /// <summary>(0032,1064) SQ 1 Requested Procedure Code Sequence</summary>
    public static readonly DicomTag RequestedProcedureCodeSequence = new(0x0032, 0x1064);

    /// <summary>(0032,1070) LO 1 Requested Contrast Agent</summary>
    public static readonly DicomTag RequestedContrastAgent = new(0x0032, 0x1070);

    /// <summary>(0038,0008) CS 1 Visit Status ID</summary>
    public static readonly DicomTag VisitStatusID = new(0x0038, 0x0008);

    /// <summary>(0038,0010) LO 1 Admission ID</summary>
    public static readonly DicomTag AdmissionID = new(0x0038, 0x0010);

    /// <summary>(0038,0014) SQ 1 Issuer of Admission ID Sequence</summary>
    public static readonly DicomTag IssuerOfAdmissionIDSequence = new(0x0038, 0x0014);

    /// <summary>(0038,0050) LO 1 Special Needs</summary>
    public static readonly DicomTag SpecialNeeds = new(0x0038, 0x0050);

    /// <summary>(0038,0300) LO 1 Current Patient Location</summary>
    public static readonly DicomTag CurrentPatientLocation = new(0x0038, 0x0300);

    /// <summary>(0038,0500) LO 1 Patient State</summary>
    public static readonly DicomTag PatientState = new(0x0038, 0x0500);

    /// <summary>(0040,0001) AE 1-n Scheduled Station AE Title</summary>
    public static readonly DicomTag ScheduledStationAETitle = new(0x0040, 0x0001);

    /// <summary>(0040,0002) DA 1 Scheduled Procedure Step Start Date</summary>
    public static readonly DicomTag ScheduledProcedureStepStartDate = new(0x0040, 0x0002);

    /// <summary>(0040,0003) TM 1 Scheduled Procedure Step Start Time</summary>
    public static readonly DicomTag ScheduledProcedureStepStartTime = new(0x0040, 0x0003);

    /// <summary>(0040,0004) DA 1 Scheduled Procedure Step End Date</summary>
    public static readonly DicomTag ScheduledProcedureStepEndDate = new(0x0040, 0x0004);

    /// <summary>(0040,0005) TM 1 Scheduled Procedure Step End Time</summary>
    public static readonly DicomTag ScheduledProcedureStepEndTime = new(0x0040, 0x0005);

    /// <summary>(0040,0006) PN 1 Scheduled Performing Physician's Name</summary>
    public static readonly DicomTag ScheduledPerformingPhysicianName = new(0x0040, 0x0006);

    /// <summary>(0040,0007) LO 1 Scheduled Procedure Step Description</summary>
    public static readonly DicomTag ScheduledProcedureStepDescription = new(0x0040, 0x0007);

    /// <summary>(0040,0008) SQ 1 Scheduled Protocol Code Sequence</summary>
    public static readonly DicomTag ScheduledProtocolCodeSequence = new(0x0040, 0x0008);

    /// <summary>(0040,0009) SH 1 Scheduled Procedure Step ID</summary>
    public static readonly DicomTag ScheduledProcedureStepID = new(0x0040, 0x0009);

    /// <summary>(0040,0010) SH 1-n Scheduled Station Name</summary>
    public static readonly DicomTag ScheduledStationName = new(0x0040, 0x0010);

    /// <summary>(0040,0011) SH 1 Scheduled Procedure Step Location</summary>
    public static readonly DicomTag ScheduledProcedureStepLocation = new(0x0040, 0x0011);

    /// <summary>(0040,0012) LO 1 Pre-Medication</summary>
    public static readonly DicomTag PreMedication = new(0x0040, 0x0012);

    /// <summary>(0040,0020) CS 1 Scheduled Procedure Step Status</summary>
    public static readonly DicomTag ScheduledProcedureStepStatus = new(0x0040, 0x0020);

    /// <summary>(0040,0031) UT 1 Local Namespace Entity ID</summary>
    public static readonly DicomTag LocalNamespaceEntityID = new(0x0040, 0x0031);

    /// <summary>(0040,0032) UT 1 Universal Entity ID</summary>
    public static readonly DicomTag UniversalEntityID = new(0x0040, 0x0032);

    /// <summary>(0040,0033) CS 1 Universal Entity ID Type</summary>
    public static readonly DicomTag UniversalEntityIDType = new(0x0040, 0x0033);

    /// <summary>(0040,0100) SQ 1 Scheduled Procedure Step Sequence</summary>
    public static readonly DicomTag ScheduledProcedureStepSequence = new(0x0040, 0x0100);

    /// <summary>(0040,0220) SQ 1 Referenced Non-Image Composite SOP Instance Sequence</summary>
    public static readonly DicomTag ReferencedNonImageCompositeSOPInstanceSequence = new(0x0040, 0x0220);

    /// <summary>(0040,0241) AE 1 Performed Station AE Title</summary>
    public static readonly DicomTag PerformedStationAETitle = new(0x0040, 0x0241);

    /// <summary>(0040,0242) SH 1 Performed Station Name</summary>
    public static readonly DicomTag PerformedStationName = new(0x0040, 0x0242);

    /// <summary>(0040,0243) SH 1 Performed Location</summary>
    public static readonly DicomTag PerformedLocation = new(0x0040, 0x0243);

    /// <summary>(0040,0244) DA 1 Performed Procedure Step Start Date</summary>
    public static readonly DicomTag PerformedProcedureStepStartDate = new(0x0040, 0x0244);

    /// <summary>(0040,0245) TM 1 Performed Procedure Step Start Time</summary>
    public static readonly DicomTag PerformedProcedureStepStartTime = new(0x0040, 0x0245);

    /// <summary>(0040,0250) DA 1 Performed Procedure Step End Date</summary>
    public static readonly DicomTag PerformedProcedureStepEndDate = new(0x0040, 0x0250);

    /// <summary>(0040,0251) TM 1 Performed Procedure Step End Time</summary>
    public static readonly DicomTag PerformedProcedureStepEndTime = new(0x0040, 0x0251);

    /// <summary>(0040,0252) CS 1 Performed Procedure Step Status</summary>
    public static readonly DicomTag PerformedProcedureStepStatus = new(0x0040, 0x0252);

    /// <summary>(0040,0253) SH 1 Performed Procedure Step ID</summary>
    public static readonly DicomTag PerformedProcedureStepID = new(0x0040, 0x0253);

    /// <summary>(0040,0254) LO 1 Performed Procedure Step Description</summary>
    public static readonly DicomTag PerformedProcedureStepDescription = new(0x0040, 0x0254);

    /// <summary>(0040,0255) LO 1 Performed Procedure Type Description</summary>
    public static readonly DicomTag PerformedProcedureTypeDescription = new(0x0040, 0x0255);

    /// <summary>(0040,0260) SQ 1 Performed Protocol Code Sequence</summary>
    public static readonly DicomTag PerformedProtocolCodeSequence = new(0x0040, 0x0260);

    /// <summary>(0040,0270) SQ 1 Scheduled Step Attributes Sequence</summary>
    public static readonly DicomTag ScheduledStepAttributesSequence = new(0x0040, 0x0270);

    /// <summary>(0040,0275) SQ 1 Request Attributes Sequence</summary>
    public static readonly DicomTag RequestAttributesSequence = new(0x0040, 0x0275);

    /// <summary>(0040,0280) ST 1 Comments on the Performed Procedure Step</summary>
    public static readonly DicomTag CommentsOnThePerformedProcedureStep = new(0x0040, 0x0280);

    /// <summary>(0040,0281) SQ 1 Performed Procedure Step Discontinuation Reason Code Sequence</summary>
    public static readonly DicomTag PerformedProcedureStepDiscontinuationReasonCodeSequence = new(0x0040, 0x0281);

    /// <summary>(0040,0340) SQ 1 Performed Series Sequence</summary>
    public static readonly DicomTag PerformedSeriesSequence = new(0x0040, 0x0340);

    /// <summary>(0040,0400) LT 1 Comments on the Scheduled Procedure Step</summary>
    public static readonly DicomTag CommentsOnTheScheduledProcedureStep = new(0x0040, 0x0400);

    /// <summary>(0040,1001) SH 1 Requested Procedure ID</summary>
    public static readonly DicomTag RequestedProcedureID = new(0x0040, 0x1001);

    /// <summary>(0040,1002) LO 1 Reason for the Requested Procedure</summary>
    public static readonly DicomTag ReasonForTheRequestedProcedure = new(0x0040, 0x1002);

    /// <summary>(0040,1003) SH 1 Requested Procedure Priority</summary>
    public static readonly DicomTag RequestedProcedurePriority = new(0x0040, 0x1003);

    /// <summary>(0040,1004) LO 1 Patient Transport Arrangements</summary>
    public static readonly DicomTag PatientTransportArrangements = new(0x0040, 0x1004);

    /// <summary>(0040,1005) LO 1 Requested Procedure Location</summary>
    public static readonly DicomTag RequestedProcedureLocation = new(0x0040, 0x1005);

    /// <summary>(0040,1008) LO 1 Confidentiality Code</summary>
    public static readonly DicomTag ConfidentialityCode = new(0x0040, 0x1008);

    /// <summary>(0040,1010) PN 1-n Names of Intended Recipients of Results</summary>
    public static readonly DicomTag NamesOfIntendedRecipientsOfResults = new(0x0040, 0x1010);

    /// <summary>(0040,1400) LT 1 Requested Procedure Comments</summary>
    public static readonly DicomTag RequestedProcedureComments = new(0x0040, 0x1400);

    /// <summary>(0040,2004) DA 1 Issue Date of Imaging Service Request</summary>
    public static readonly DicomTag IssueDateOfImagingServiceRequest = new(0x0040, 0x2004);

    /// <summary>(0040,2005) TM 1 Issue Time of Imaging Service Request</summary>
    public static readonly DicomTag IssueTimeOfImagingServiceRequest = new(0x0040, 0x2005);

    /// <summary>(0040,2016) LO 1 Placer Order Number / Imaging Service Request</summary>
    public static readonly DicomTag PlacerOrderNumberImagingServiceRequest = new(0x0040, 0x2016);

    /// <summary>(0040,2017) LO 1 Filler Order Number / Imaging Service Request</summary>
    public static readonly DicomTag FillerOrderNumberImagingServiceRequest = new(0x0040, 0x2017);

    /// <summary>(0040,2400) LT 1 Imaging Service Request Comments</summary>
    public static readonly DicomTag ImagingServiceRequestComments = new(0x0040, 0x2400);

    /// <summary>(0040,3001) LO 1 Confidentiality Constraint on Patient Data Description</summary>
    public static readonly DicomTag ConfidentialityConstraintOnPatientDataDescription = new(0x0040, 0x3001);

    /// <summary>(0040,A010) CS 1 Relationship Type</summary>
    public static readonly DicomTag RelationshipType = new(0x0040, 0xA010);

    /// <summary>(0040,A027) LO 1 Verifying Organization</summary>
    public static readonly DicomTag VerifyingOrganization = new(0x0040, 0xA027);

    /// <summary>(0040,A030) DT 1 Verification DateTime</summary>
    public static readonly DicomTag VerificationDateTime = new(0x0040, 0xA030);

    /// <summary>(0040,A032) DT 1 Observation DateTime</summary>
    public static readonly DicomTag ObservationDateTime = new(0x0040, 0xA032);

    /// <summary>(0040,A040) CS 1 Value Type</summary>
    public static readonly DicomTag ValueType = new(0x0040, 0xA040);

    /// <summary>(0040,A043) SQ 1 Concept Name Code Sequence</summary>
    public static readonly DicomTag ConceptNameCodeSequence = new(0x0040, 0xA043);

    /// <summary>(0040,A050) CS 1 Continuity Of Content</summary>
    public static readonly DicomTag ContinuityOfContent = new(0x0040, 0xA050);

    /// <summary>(0040,A073) SQ 1 Verifying Observer Sequence</summary>
    public static readonly DicomTag VerifyingObserverSequence = new(0x0040, 0xA073);

    /// <summary>(0040,A075) PN 1 Verifying Observer Name</summary>
    public static readonly DicomTag VerifyingObserverName = new(0x0040, 0xA075);

    /// <summary>(0040,A088) SQ 1 Verifying Observer Identification Code Sequence</summary>
    public static readonly DicomTag VerifyingObserverIdentificationCodeSequence = new(0x0040, 0xA088);

    /// <summary>(0040,A120) DT 1 DateTime</summary>
    public static readonly DicomTag DateTime = new(0x0040, 0xA120);

    /// <summary>(0040,A121) DA 1 Date</summary>
    public static readonly DicomTag Date = new(0x0040, 0xA121);

    /// <summary>(0040,A122) TM 1 Time</summary>
    public static readonly DicomTag Time = new(0x0040, 0xA122);

    /// <summary>(0040,A123) PN 1 Person Name</summary>
    public static readonly DicomTag PersonName = new(0x0040, 0xA123);

    /// <summary>(0040,A124) UI 1 UID</summary>
    public static readonly DicomTag UID = new(0x0040, 0xA124);

    /// <summary>(0040,A160) UT 1 Text Value</summary>
    public static readonly DicomTag TextValue = new(0x0040, 0xA160);

    /// <summary>(0040,A168) SQ 1 Concept Code Sequence</summary>
    public static readonly DicomTag ConceptCodeSequence = new(0x0040, 0xA168);

    /// <summary>(0040,A170) SQ 1 Purpose of Reference Code Sequence</summary>
    public static readonly DicomTag PurposeOfReferenceCodeSequence = new(0x0040, 0xA170);

    /// <summary>(0040,A370) SQ 1 Referenced Request Sequence</summary>
    public static readonly DicomTag ReferencedRequestSequence = new(0x0040, 0xA370);

    /// <summary>(0040,A372) SQ 1 Performed Procedure Code Sequence</summary>
    public static readonly DicomTag PerformedProcedureCodeSequence = new(0x0040, 0xA372);

    /// <summary>(0040,A375) SQ 1 Current Requested Procedure Evidence Sequence</summary>
    public static readonly DicomTag CurrentRequestedProcedureEvidenceSequence = new(0x0040, 0xA375);

    /// <summary>(0040,A491) CS 1 Completion Flag</summary>
    public static readonly DicomTag CompletionFlag = new(0x0040, 0xA491);

    /// <summary>(0040,A492) LO 1 Completion Flag Description</summary>
    public static readonly DicomTag CompletionFlagDescription = new(0x0040, 0xA492);

    /// <summary>(0040,A493) CS 1 Verification Flag</summary>
    public static readonly DicomTag VerificationFlag = new(0x0040, 0xA493);

    /// <summary>(0040,A504) SQ 1 Content Template Sequence</summary>
    public static readonly DicomTag ContentTemplateSequence = new(0x0040, 0xA504);

    /// <summary>(0040,A730) SQ 1 Content Sequence</summary>
    public static readonly DicomTag ContentSequence = new(0x0040, 0xA730);

    /// <summary>(0040,DB00) CS 1 Template Identifier</summary>
    public static readonly DicomTag TemplateIdentifier = new(0x0040, 0xDB00);

    /// <summary>(7FE0,0010) OW 1 Pixel Data</summary>
    public static readonly DicomTag PixelData = new(0x7FE0, 0x0010);

    /// <summary>(FFFE,E000) 1 Item</summary>
    public static readonly DicomTag Item = new(0xFFFE, 0xE000);

    /// <summary>(FFFE,E00D) 1 Item Delimitation Item</summary>
    public static readonly DicomTag ItemDelimitationItem = new(0xFFFE, 0xE00D);

    /// <summary>(FFFE,E0DD) 1 Sequence Delimitation Item</summary>
    public static readonly DicomTag SequenceDelimitationItem = new(0xFFFE, 0xE0DD);

    // --- SR (reports): content items of Enhanced and Comprehensive SR (PS3.3 C.17.3), read by Sr/StructuredReportReader.

    /// <summary>(0040,08EA) SQ 1 Measurement Units Code Sequence</summary>
    public static readonly DicomTag MeasurementUnitsCodeSequence = new(0x0040, 0x08EA);

    /// <summary>(0040,A300) SQ 1 Measured Value Sequence</summary>
    public static readonly DicomTag MeasuredValueSequence = new(0x0040, 0xA300);

    /// <summary>(0040,A30A) DS 1-n Numeric Value</summary>
    public static readonly DicomTag NumericValue = new(0x0040, 0xA30A);

    /// <summary>(0040,A360) SQ 1 Predecessor Documents Sequence</summary>
    public static readonly DicomTag PredecessorDocumentsSequence = new(0x0040, 0xA360);

    /// <summary>(0040,DB73) UL 1-n Referenced Content Item Identifier</summary>
    public static readonly DicomTag ReferencedContentItemIdentifier = new(0x0040, 0xDB73);
}

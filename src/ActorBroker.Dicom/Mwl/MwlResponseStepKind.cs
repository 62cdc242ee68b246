namespace ActorBroker.Dicom.Mwl;

/// <summary>What one <see cref="MwlResponseStep"/> adds to a response built from an <see cref="MwlEncodedEntry"/>.</summary>
internal enum MwlResponseStepKind
{
    /// <summary>(0008,0005) of the target character set (nothing for the default repertoire).</summary>
    CharacterSet,

    /// <summary>The entry's encoded value of a slot.</summary>
    Value,

    /// <summary>A key this SCP has no value for: the same zero-length element in every response.</summary>
    Fixed,

    /// <summary>Scheduled Procedure Step Sequence with one item built from the step's item plan.</summary>
    ScheduledProcedureStep,

    /// <summary>Requested Procedure Code Sequence: one item when the entry has a code, else zero items.</summary>
    RequestedProcedureCode,

    /// <summary>Scheduled Protocol Code Sequence (in the SPS item): one item when the entry has a code, else zero items.</summary>
    ProtocolCode,
}

namespace ActorBroker.LoadGen;

/// <summary>
/// One MPPS pair: the order it performs (accession, Study UID) and the Performed Procedure Step that the
/// N-CREATE creates and the N-SET completes (its SOP Instance UID, new per run so that a second run
/// against the same broker is not a duplicate SOP instance).
/// </summary>
internal sealed record MppsPair(int Index, string Accession, string Placer, string StudyUid, string MppsUid, string PpsId)
{
    public static MppsPair Create(MppsNumbering numbering, int index) => new(
        index,
        numbering.Accession(index),
        numbering.Placer(index),
        numbering.StudyUid(index),
        ActorBroker.Dicom.Data.DicomUid.Generate(),
        "PPS" + numbering.Accession(index)[numbering.Prefix.Length..]);
}

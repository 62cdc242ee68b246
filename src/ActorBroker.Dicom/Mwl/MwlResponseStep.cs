using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>One element of a response (or of one of its items), in tag order: see <see cref="MwlResponsePlan"/>.</summary>
internal readonly record struct MwlResponseStep(MwlResponseStepKind Kind, DicomTag Tag, int Slot = -1, DicomElement? Fixed = null, MwlResponsePlan? Item = null);

using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>One MWL attribute backed by a field of <see cref="MwlEntry"/>: its tag, its VR (PS3.6) and the field.</summary>
internal sealed record MwlAttribute(DicomTag Tag, DicomVR VR, Func<MwlEntry, string> Get);

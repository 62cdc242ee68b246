using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Domain.Sites;

namespace ActorBroker.Actors.Modalities;

/// <summary>A configured modality: its AE title, its site, its station settings and its worklist's character set (parsed once).</summary>
public sealed record ModalityInfo(string AeTitle, string Site, ModalityStation Station, DicomCharacterSet CharacterSet);

namespace ActorBroker.Actors.Modalities;

/// <summary>Akka.Hosting registry key of the modalities supervisor (station counters, DICOM SCP status).</summary>
public sealed class ModalitiesKey;

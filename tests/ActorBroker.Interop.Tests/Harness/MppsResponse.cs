namespace ActorBroker.Interop.Tests.Harness;

/// <summary>One DIMSE response the MPPS SCU got: step, status, error comment.</summary>
internal sealed record MppsResponse(string Op, int Status, string Comment);

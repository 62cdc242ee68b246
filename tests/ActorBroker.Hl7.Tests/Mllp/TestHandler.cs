using System.Collections.Concurrent;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.Hl7.Tests.Mllp;

/// <summary>Answers AA with Hl7AckBuilder, or whatever <see cref="OnFrame"/> says; records everything else.</summary>
internal sealed class TestHandler : IMllpHandler
{
    public Func<MllpConnectionInfo, ReadOnlyMemory<byte>, CancellationToken, ValueTask<ReadOnlyMemory<byte>>>? OnFrame { get; init; }

    public ConcurrentQueue<(MllpFrameError Error, byte[] Raw)> FrameErrors { get; } = new();

    public ConcurrentQueue<Exception> HandlerErrors { get; } = new();

    public TaskCompletionSource<MllpFrameError> FirstFrameError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<MllpConnectionInfo> FirstDisconnect { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Connected => _connected;

    private int _connected;

    public ValueTask<ReadOnlyMemory<byte>> HandleAsync(MllpConnectionInfo connection, ReadOnlyMemory<byte> frame, CancellationToken ct) =>
        OnFrame is { } onFrame
            ? onFrame(connection, frame, ct)
            : ValueTask.FromResult<ReadOnlyMemory<byte>>(Hl7AckBuilder.Build(Hl7Message.Parse(frame), AckCode.AA));

    public void OnFrameError(MllpConnectionInfo connection, MllpFrameError error, ReadOnlyMemory<byte> rawSoFar)
    {
        FrameErrors.Enqueue((error, rawSoFar.ToArray()));
        FirstFrameError.TrySetResult(error);
    }

    public void OnConnected(MllpConnectionInfo connection) => Interlocked.Increment(ref _connected);

    public void OnDisconnected(MllpConnectionInfo connection) => FirstDisconnect.TrySetResult(connection);

    public void OnHandlerError(MllpConnectionInfo connection, Exception exception) => HandlerErrors.Enqueue(exception);
}

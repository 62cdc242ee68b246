using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.Actors.Tests.Outbound;

/// <summary>A receiving system for MLLP tests: answers every message with an original-mode ACK whose MSA-1/MSA-3 <see cref="Answer"/> picks.</summary>
internal sealed class AckingMllpHandler : IMllpHandler
{
    private int _frames;

    public Func<Hl7Message, (AckCode Code, string? Text)> Answer { get; init; } = _ => (AckCode.AA, null);

    public int Frames => Volatile.Read(ref _frames);

    public ValueTask<ReadOnlyMemory<byte>> HandleAsync(MllpConnectionInfo connection, ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        Interlocked.Increment(ref _frames);
        var message = Hl7Message.Parse(frame);
        var (code, text) = Answer(message);
        return ValueTask.FromResult<ReadOnlyMemory<byte>>(Hl7AckBuilder.Build(message, code, textMessage: text));
    }

    public void OnFrameError(MllpConnectionInfo connection, MllpFrameError error, ReadOnlyMemory<byte> rawSoFar)
    {
    }
}

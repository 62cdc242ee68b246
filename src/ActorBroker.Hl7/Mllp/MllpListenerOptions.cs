namespace ActorBroker.Hl7.Mllp;

/// <summary>Settings of an <see cref="MllpListener"/>.</summary>
public sealed record MllpListenerOptions
{
    public static MllpListenerOptions Default { get; } = new();

    /// <summary>Address to bind (loopback by default: exposing a listener is a deliberate act).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port to bind; 0 picks a free one (see <see cref="MllpListener.LocalEndPoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>Largest accepted frame payload; a bigger one is reported and the connection closed.</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>A connection with nothing received and nothing in flight for this long is closed; zero disables.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Handler calls outstanding per connection when the sender pipelines; reading pauses at the limit.</summary>
    public int MaxInFlightPerConnection { get; init; } = 16;

    /// <summary>Pending-connection queue length.</summary>
    public int Backlog { get; init; } = 512;

    /// <summary>Size of the per-connection receive buffer.</summary>
    public int ReceiveBufferBytes { get; init; } = 16 * 1024;
}

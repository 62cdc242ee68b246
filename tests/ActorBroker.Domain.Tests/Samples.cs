using ActorBroker.Hl7;

namespace ActorBroker.Domain.Tests;

/// <summary>The sample messages, read as bytes (never as text: one of them is Latin-1).</summary>
internal static class Samples
{
    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", file));

    public static Hl7Message Load(string file) => Hl7Message.Parse(Bytes(file));
}

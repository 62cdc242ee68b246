using System.Text;

namespace ActorBroker.Hl7.Tests;

/// <summary>The sample messages copied next to the test assembly.</summary>
internal static class TestSamples
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Samples");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static Hl7Message Parse(string name) => Hl7Message.Parse(Bytes(name));

    public static IEnumerable<string> AllHl7Files() =>
        System.IO.Directory.GetFiles(Directory, "*.hl7").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>Bytes of an ER7 text with segments joined by CR.</summary>
    public static byte[] Er7(params string[] segments) => Encoding.UTF8.GetBytes(string.Join('\r', segments) + "\r");
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorBroker.Cli.Output;

/// <summary>
/// Prints JSON for --json: indented, and with non-ASCII text kept as is (NÚÑEZ, not \u00DA), which
/// the default encoder would escape. Control characters, quotes and backslashes stay escaped.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(TextWriter writer, JsonElement element) => writer.WriteLine(Format(element));
}

using System.Text.Json;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>Reads the management API's order JSON (OrderViews.Detail / Summary) without ceremony.</summary>
internal static class OrderJson
{
    /// <summary>A string at a property path ("patient", "name"); null when absent or JSON null.</summary>
    public static string? Str(this JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return null;
            }
        }

        return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }

    public static IReadOnlyList<JsonElement> Array(this JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().ToList()
            : [];

    /// <summary>The event types of an order detail, oldest first ("OrderPlaced", "OrderChanged", ...).</summary>
    public static IReadOnlyList<string> EventTypes(this JsonElement order) =>
        order.Array("events").Select(e => e.Str("type") ?? "?").ToList();

    public static string State(this JsonElement order) => order.Str("state") ?? "?";
}

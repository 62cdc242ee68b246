using System.Text;
using ActorBroker.Actors.Exceptions;

namespace ActorBroker.Host;

/// <summary>JSON shapes of exception records for abctl (the contract in docs/cli.md).</summary>
internal static class ExceptionViews
{
    public static object Summary(ExceptionRecord r) => new
    {
        id = r.Id,
        timestamp = r.Timestamp,
        source = r.Source,
        reason = r.Reason,
        location = r.Location,
        messageType = r.MessageType,
        messageControlId = r.MessageControlId,
        ackCode = r.AckCode,
        occurrences = r.Occurrences,
    };

    public static object Detail(ExceptionRecord r)
    {
        var raw = Convert.FromBase64String(r.RawBase64);
        return new
        {
            id = r.Id,
            timestamp = r.Timestamp,
            lastSeen = r.LastSeen,
            occurrences = r.Occurrences,
            source = r.Source,
            reason = r.Reason,
            location = r.Location,
            messageType = r.MessageType,
            messageControlId = r.MessageControlId,
            ackCode = r.AckCode,
            remote = r.Remote,
            rawText = RawText(raw),
            rawBase64 = r.RawBase64,
            rawLength = r.RawLength,
        };
    }

    // The raw bytes as text for reading: UTF-8 when valid, else Latin-1 (HL7 8859/1 senders).
    private static string RawText(byte[] raw)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(raw);
        }
    }
}

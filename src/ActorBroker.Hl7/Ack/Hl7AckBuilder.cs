using System.Globalization;
using System.Text;

namespace ActorBroker.Hl7;

/// <summary>
/// Original-mode acknowledgments. The ACK mirrors the request: applications and facilities
/// swapped, same processing id, version, delimiters and character set, MSA-2 = request MSH-10,
/// one ERR per error saying what (table 0357) and where (ERL).
/// </summary>
// HL7 2.5.1 ch. 2.9.2 (original acknowledgment rules), 2.15.8 (ACK), 2.15.5 (ERR), 2.15.8 (MSA)
public static class Hl7AckBuilder
{
    private static readonly string s_prefix = Random.Shared.Next(0x1000, 0xFFFF).ToString("X4", CultureInfo.InvariantCulture);
    private static long s_counter;

    /// <summary>
    /// Builds the ACK for <paramref name="request"/>. For requests before 2.5 (when ERR-1 was the
    /// only ERR field) ERR-1 is written too, in the 2.3 layout segment^sequence^field^code&amp;text&amp;HL70357;
    /// ERR-2..ERR-8 are always written (receivers ignore fields they do not know).
    /// </summary>
    public static byte[] Build(
        Hl7Message request,
        AckCode code,
        IReadOnlyList<Hl7Error>? errors = null,
        string? textMessage = null,
        string? controlId = null,
        DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var msh = request[0];
        var version = msh.Get(12);
        var builder = new Hl7MessageBuilder(AckDelimiters(request.Delimiters), request.TextEncoding)
            .Segment("MSH")
            .RawField(3, msh.GetRaw(5))
            .RawField(4, msh.GetRaw(6))
            .RawField(5, msh.GetRaw(3))
            .RawField(6, msh.GetRaw(4))
            .Field(7, FormatTimestamp(now ?? DateTimeOffset.Now))
            .Component(9, 1, "ACK")
            .Component(9, 2, msh.Get(9, 2))
            .Component(9, 3, "ACK")
            .Field(10, controlId ?? NewControlId())
            .RawField(11, msh.GetRaw(11))
            .RawField(12, msh.GetRaw(12));
        if (request.CharacterSet is { } characterSet)
        {
            builder.RawField(18, characterSet);
        }

        builder.Segment("MSA").Field(1, code.ToString()).Field(2, request.MessageControlId);
        if (!string.IsNullOrEmpty(textMessage))
        {
            builder.Field(3, Truncate(textMessage, 80));
        }

        AppendErrors(builder, errors, WantsErr1(version));
        return builder.ToBytes();
    }

    /// <summary>
    /// An ACK for bytes that are not HL7 at all (no MSH to mirror): default delimiters, ASCII-safe
    /// UTF-8, version 2.5.1, MSA-2 empty (there is no control id to echo).
    /// </summary>
    public static byte[] BuildForUnparsable(ReadOnlySpan<byte> raw, AckCode code, string message) =>
        BuildForUnparsable(raw, code, message, Hl7ErrorCode.SegmentSequenceError);

    /// <summary>Like <see cref="BuildForUnparsable(ReadOnlySpan{byte}, AckCode, string)"/> with a chosen ERR-3 code.</summary>
    public static byte[] BuildForUnparsable(ReadOnlySpan<byte> raw, AckCode code, string message, Hl7ErrorCode errorCode, DateTimeOffset? now = null)
    {
        var builder = new Hl7MessageBuilder(Hl7Delimiters.Default, Hl7Charsets.Utf8)
            .Segment("MSH")
            .Field(7, FormatTimestamp(now ?? DateTimeOffset.Now))
            .Field(9, "ACK")
            .Field(10, NewControlId())
            .Field(11, "P")
            .Field(12, "2.5.1")
            .Segment("MSA").Field(1, code.ToString()).Field(2, string.Empty);
        var text = $"{message} ({raw.Length} bytes received)";
        builder.Field(3, Truncate(text, 80));
        AppendErrors(builder, [new Hl7Error(errorCode, null, text)], err1: false);
        return builder.ToBytes();
    }

    /// <summary>A new MSH-10 for an ACK: at most 20 characters (the ST length of MSH-10 before 2.7).</summary>
    public static string NewControlId() =>
        string.Create(CultureInfo.InvariantCulture, $"AB{s_prefix}{Interlocked.Increment(ref s_counter):D14}");

    /// <summary>YYYYMMDDHHMMSS+ZZZZ.</summary>
    public static string FormatTimestamp(DateTimeOffset time)
    {
        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"{time:yyyyMMddHHmmss}{sign}{offset.Duration():hhmm}");
    }

    internal static string SeverityCode(Hl7Severity severity) => severity switch
    {
        Hl7Severity.Warning => "W",
        Hl7Severity.Information => "I",
        _ => "E",
    };

    internal static string CodeText(Hl7ErrorCode code) => code switch
    {
        Hl7ErrorCode.MessageAccepted => "Message accepted",
        Hl7ErrorCode.SegmentSequenceError => "Segment sequence error",
        Hl7ErrorCode.RequiredFieldMissing => "Required field missing",
        Hl7ErrorCode.DataTypeError => "Data type error",
        Hl7ErrorCode.TableValueNotFound => "Table value not found",
        Hl7ErrorCode.UnsupportedMessageType => "Unsupported message type",
        Hl7ErrorCode.UnsupportedEventCode => "Unsupported event code",
        Hl7ErrorCode.UnsupportedProcessingId => "Unsupported processing id",
        Hl7ErrorCode.UnsupportedVersionId => "Unsupported version id",
        Hl7ErrorCode.UnknownKeyIdentifier => "Unknown key identifier",
        Hl7ErrorCode.DuplicateKeyIdentifier => "Duplicate key identifier",
        Hl7ErrorCode.ApplicationRecordLocked => "Application record locked",
        _ => "Application internal error",
    };

    // ERR-1 (ELD) was the whole ERR segment up to 2.4 and is kept "for backward compatibility only" from 2.5.
    private static bool WantsErr1(string version) =>
        version.StartsWith("2.1", StringComparison.Ordinal)
        || version.StartsWith("2.2", StringComparison.Ordinal)
        || version.StartsWith("2.3", StringComparison.Ordinal)
        || version.StartsWith("2.4", StringComparison.Ordinal);

    private static void AppendErrors(Hl7MessageBuilder builder, IReadOnlyList<Hl7Error>? errors, bool err1)
    {
        if (errors is null)
        {
            return;
        }

        var d = builder.Delimiters;
        foreach (var error in errors)
        {
            builder.Segment("ERR");
            var location = error.Location;
            var codeNumber = ((int)error.Code).ToString(CultureInfo.InvariantCulture);
            var codeText = CodeText(error.Code);
            if (err1)
            {
                // ELD: segment id ^ sequence ^ field position ^ code identifying error (CE as subcomponents).
                var eld = new StringBuilder();
                if (location is { } l)
                {
                    eld.Append(Hl7Escaping.Escape(l.Segment, d)).Append(d.Component)
                       .Append(l.SegmentSequence.ToString(CultureInfo.InvariantCulture)).Append(d.Component)
                       .Append(l.Field > 0 ? l.Field.ToString(CultureInfo.InvariantCulture) : string.Empty);
                }
                else
                {
                    eld.Append(d.Component).Append(d.Component);
                }

                eld.Append(d.Component).Append(codeNumber);
                if (d.Subcomponent != '\0')
                {
                    eld.Append(d.Subcomponent).Append(Hl7Escaping.Escape(codeText, d)).Append(d.Subcomponent).Append("HL70357");
                }

                builder.RawField(1, eld.ToString());
            }

            if (location is { } loc)
            {
                // ERL: segment id ^ segment sequence ^ field position ^ field repetition ^ component ^ subcomponent.
                builder.Component(2, 1, loc.Segment).Component(2, 2, loc.SegmentSequence.ToString(CultureInfo.InvariantCulture));
                if (loc.Field > 0)
                {
                    var repetition = loc.Repetition > 0 ? loc.Repetition : 1;
                    builder.Component(2, 3, loc.Field.ToString(CultureInfo.InvariantCulture))
                        .Component(2, 4, repetition.ToString(CultureInfo.InvariantCulture));
                    if (loc.Component > 0)
                    {
                        builder.Component(2, 5, loc.Component.ToString(CultureInfo.InvariantCulture));
                    }
                }
            }

            builder.Component(3, 1, codeNumber).Component(3, 2, codeText).Component(3, 3, "HL70357")
                .Field(4, SeverityCode(error.Severity))
                .Field(8, Truncate(error.Message, 250));
        }
    }

    // A sender's odd-but-valid delimiters are mirrored; an undeclared escape or subcomponent
    // character falls back to the standard ones only if they do not collide.
    private static Hl7Delimiters AckDelimiters(Hl7Delimiters d) =>
        d.Escape != '\0' && d.Subcomponent != '\0' && d.Repetition != '\0' ? d with { Truncation = null } : Hl7Delimiters.Default;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

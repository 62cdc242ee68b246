using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ActorBroker.Hl7;

/// <summary>A received acknowledgment: MSA plus its ERR segments (2.5 ERR-2/3/4/8, or 2.3 ERR-1).</summary>
// HL7 2.5.1 ch. 2.15.8 (MSA), 2.15.5 (ERR)
public sealed record Hl7Ack(AckCode AckCode, string MessageControlId, string Text, IReadOnlyList<Hl7Error> Errors)
{
    /// <summary>True for AA and CA.</summary>
    public bool IsAccepted => AckCode is AckCode.AA or AckCode.CA;

    /// <summary>Reads MSA and ERR; false when there is no MSA or MSA-1 is not an ack code.</summary>
    public static bool TryParse(Hl7Message msg, [NotNullWhen(true)] out Hl7Ack? ack)
    {
        ArgumentNullException.ThrowIfNull(msg);
        ack = null;
        if (msg.Find("MSA") is not { } msa || !Enum.TryParse<AckCode>(msa.Get(1), ignoreCase: false, out var code) || !Enum.IsDefined(code))
        {
            return false;
        }

        var errors = new List<Hl7Error>();
        foreach (var err in msg.All("ERR"))
        {
            errors.Add(ReadError(err));
        }

        ack = new Hl7Ack(code, msa.Get(2), msa.Get(3), errors);
        return true;
    }

    private static Hl7Error ReadError(Hl7Segment err)
    {
        Hl7Location? location = null;
        Hl7ErrorCode code;
        string text;
        if (err.IsPresent(2) || err.IsPresent(3))
        {
            if (err.Get(2, 1) is { Length: > 0 } segment)
            {
                location = new Hl7Location(segment, Int(err.Get(2, 2), 1), Int(err.Get(2, 3), 0), Int(err.Get(2, 5), 0), Int(err.Get(2, 4), 0));
            }

            code = (Hl7ErrorCode)Int(err.Get(3, 1), (int)Hl7ErrorCode.ApplicationInternalError);
            text = err.Get(8) is { Length: > 0 } user ? user : err.Get(3, 2);
        }
        else
        {
            // 2.3 ELD: segment ^ sequence ^ field ^ code&text&system
            if (err.Get(1, 1) is { Length: > 0 } segment)
            {
                location = new Hl7Location(segment, Int(err.Get(1, 2), 1), Int(err.Get(1, 3), 0));
            }

            code = (Hl7ErrorCode)Int(err.Get(1, 4, 1), (int)Hl7ErrorCode.ApplicationInternalError);
            text = err.Get(1, 4, 2);
        }

        var severity = err.Get(4) switch
        {
            "W" => Hl7Severity.Warning,
            "I" => Hl7Severity.Information,
            _ => Hl7Severity.Error,
        };
        return new Hl7Error(code, location, text, severity);
    }

    private static int Int(string s, int fallback) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

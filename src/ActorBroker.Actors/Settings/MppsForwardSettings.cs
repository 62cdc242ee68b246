using Akka.Configuration;

namespace ActorBroker.Actors.Settings;

/// <summary>
/// actor-broker.dicom.forward-mpps-to: the PACS (or RIS) AE that receives a copy of every MPPS N-CREATE and
/// N-SET the broker accepted, through a persistent outbox (at least once, in order per MPPS instance).
/// Empty (the default) = no forwarding.
/// </summary>
public sealed record MppsForwardSettings(string AeTitle, string Host, int Port, string CallingAeTitle, TimeSpan RetryBaseDelay, TimeSpan RetryMaxDelay)
{
    public static MppsForwardSettings? FromConfig(Config? c)
    {
        if (c is null || c.IsEmpty || !c.HasPath("ae-title"))
        {
            return null;
        }

        var s = new MppsForwardSettings(
            c.GetString("ae-title"),
            c.GetString("host", "127.0.0.1"),
            c.GetInt("port", 104),
            c.GetString("calling-ae-title", ""),
            c.GetTimeSpan("retry.base-delay", TimeSpan.FromSeconds(1)),
            c.GetTimeSpan("retry.max-delay", TimeSpan.FromMinutes(5)));
        if (string.IsNullOrWhiteSpace(s.AeTitle) || s.AeTitle.Length > 16 || s.Port is < 1 or > 65535)
        {
            throw new ConfigurationException("actor-broker.dicom.forward-mpps-to needs ae-title (1..16 characters) and port 1..65535");
        }

        return s;
    }
}

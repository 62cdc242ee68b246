using Akka.Configuration;

namespace ActorBroker.Actors.Settings;

/// <summary>
/// actor-broker.dicom: the broker's DICOM SCP (Modality Worklist C-FIND, C-ECHO). The calling AE titles allowed
/// are the station AE titles of every site's modalities (actor-broker.sites.&lt;site&gt;.modalities), unless
/// accept-any-calling-ae is on.
/// </summary>
public sealed record DicomSettings(
    string AeTitle,
    string Host,
    int Port,
    bool AcceptAnyCallingAe,
    bool ExactNameMatching,
    int MaxAssociations)
{
    public static DicomSettings Default { get; } = new("ACTORBROKER", "127.0.0.1", 11112, false, false, 64);

    public static DicomSettings FromConfig(Config? c)
    {
        if (c is null || c.IsEmpty)
        {
            return Default;
        }

        var settings = new DicomSettings(
            c.GetString("ae-title", Default.AeTitle),
            c.GetString("host", Default.Host),
            c.GetInt("port", Default.Port),
            c.GetBoolean("accept-any-calling-ae", Default.AcceptAnyCallingAe),
            c.GetBoolean("exact-name-matching", Default.ExactNameMatching),
            c.GetInt("max-associations", Default.MaxAssociations));
        if (string.IsNullOrWhiteSpace(settings.AeTitle) || settings.AeTitle.Trim().Length > 16 || settings.AeTitle.Contains('\\', StringComparison.Ordinal))
        {
            throw new ConfigurationException($"actor-broker.dicom.ae-title '{settings.AeTitle}' is not a valid AE title (1..16 characters, no backslash)");
        }

        if (settings.Port is < 0 or > 65535 || settings.MaxAssociations < 1)
        {
            throw new ConfigurationException("actor-broker.dicom: port must be 0..65535 and max-associations at least 1");
        }

        return settings;
    }
}

using Akka.Configuration;

namespace ActorBroker.Host.Launch;

/// <summary>
/// actor-broker.links: the EHR context-launch endpoint (/launch). An empty signing key (the default) disables it
/// (503), so the broker never accepts an unsigned link. Roles maps the EHR user's role (the link's role parameter,
/// compared ignoring case) to a viewer profile; a role not listed is refused (403), never given a default profile.
/// Every mistake is a <see cref="ConfigurationException"/> naming the key, found at start.
/// </summary>
internal sealed record LaunchSettings(
    ViewerUrlTemplate ViewerUrl,
    byte[] SigningKey,
    TimeSpan Ttl,
    TimeSpan ClockSkew,
    IReadOnlyDictionary<string, string> Roles)
{
    public const string DefaultViewerUrl = "https://viewer.example.org/study?acc={accession}&uid={studyUid}";
    public const string DefaultProfileParameter = "profile";
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes(5);

    /// <summary>HMAC-SHA256 wants a key at least as long as its output (RFC 2104 3); shorter keys work but are warned about.</summary>
    public const int RecommendedKeyBytes = 32;

    public bool Enabled => SigningKey.Length > 0;

    public static LaunchSettings FromConfig(Config root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var c = root.GetConfig("actor-broker.links");
        if (c is null || c.IsEmpty)
        {
            c = ConfigurationFactory.Empty;
        }

        ViewerUrlTemplate viewer;
        try
        {
            viewer = new ViewerUrlTemplate(
                c.GetString("viewer-url", DefaultViewerUrl),
                c.GetString("profile-parameter", DefaultProfileParameter));
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException("actor-broker.links: " + e.Message);
        }

        byte[] key;
        try
        {
            key = LaunchLinkSigner.ParseKey(c.GetString("signing-key", ""));
        }
        catch (FormatException e)
        {
            throw new ConfigurationException("actor-broker.links.signing-key: " + e.Message);
        }

        var ttl = Duration(c, "ttl", DefaultTtl);
        if (ttl <= TimeSpan.Zero)
        {
            throw new ConfigurationException($"actor-broker.links.ttl must be positive (it is {ttl})");
        }

        var skew = Duration(c, "clock-skew", LaunchLinkSigner.DefaultClockSkew);
        if (skew < TimeSpan.Zero)
        {
            throw new ConfigurationException($"actor-broker.links.clock-skew must not be negative (it is {skew})");
        }

        return new LaunchSettings(viewer, key, ttl, skew, ReadRoles(c.GetConfig("roles")));
    }

    // HOCON reports an unreadable duration as a FormatException without the key: name it.
    private static TimeSpan Duration(Config c, string key, TimeSpan fallback)
    {
        try
        {
            return c.GetTimeSpan(key, fallback);
        }
        catch (FormatException)
        {
            throw new ConfigurationException($"actor-broker.links.{key} = '{c.GetString(key)}' is not a duration (e.g. 5m, 30s)");
        }
    }

    private static Dictionary<string, string> ReadRoles(Config? roles)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (roles is null || roles.IsEmpty)
        {
            return map;
        }

        foreach (var (role, value) in roles.Root.GetObject().Items)
        {
            if (!value.IsString())
            {
                throw new ConfigurationException($"actor-broker.links.roles.{role} must be a profile name (quote a role that contains a dot: \"A.B\" = profile)");
            }

            var profile = value.GetString();
            if (string.IsNullOrWhiteSpace(profile))
            {
                throw new ConfigurationException($"actor-broker.links.roles.{role} is empty: remove the role instead (a role with no profile is refused anyway)");
            }

            if (!map.TryAdd(role, profile.Trim()))
            {
                throw new ConfigurationException($"actor-broker.links.roles: role '{role}' is listed twice (roles compare ignoring case)");
            }
        }

        return map;
    }
}

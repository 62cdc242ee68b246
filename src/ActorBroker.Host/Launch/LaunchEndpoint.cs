using System.Security.Cryptography;
using System.Text;
using ActorBroker.Actors.Settings;
using Akka.Configuration;
using Microsoft.AspNetCore.Routing;

namespace ActorBroker.Host.Launch;

/// <summary>
/// GET /launch: EHR context launch. The EHR (Epic-style image link integration) opens
/// /launch?site=..&amp;acc=..[&amp;uid=..][&amp;pid=..]&amp;role=..&amp;exp=..&amp;sig=.. (signed as <see cref="LaunchLinkSigner"/> defines)
/// in the user's browser; the broker checks the link and answers:
/// <list type="bullet">
/// <item>503 when actor-broker.links.signing-key is empty (launch disabled; unsigned links are never accepted);</item>
/// <item>401 for an unsigned, altered, malformed, incomplete, expired or too long-lived link;</item>
/// <item>403 when the link's role has no entry in actor-broker.links.roles (never a default profile);</item>
/// <item>302 to actor-broker.links.viewer-url for the study, with the role's profile appended. A link without uid gets
/// the order's Study Instance UID from the broker (<see cref="IStudyUidLookup"/>), or an empty uid when it has none.</item>
/// </list>
/// Every answer is Cache-Control: no-store. Logs carry the outcome, site, role, client address and a fingerprint of the
/// signature (first 8 hex digits of its SHA-256) so an operator can match an EHR complaint to a line; the accession,
/// patient ID and study UID appear only at Debug (the URL itself carries them, so this relies on the host keeping
/// ASP.NET Core's "Request starting" lines below Information, as BrokerHost's Microsoft.AspNetCore filter does). Links are not single-use: within its exp a link may be opened again
/// (the short ttl is the bound). The endpoint is served on the management listener (loopback by default): publish
/// /launch alone through the reverse proxy that browsers reach, never /api.
/// </summary>
internal static class LaunchEndpoint
{
    public const string Route = "/launch";

    private const string LogCategory = "ActorBroker.Host.Launch";

    /// <summary>
    /// The broker's hook: reads actor-broker.links from <paramref name="config"/> (a bad value throws
    /// <see cref="ConfigurationException"/>), and maps /launch with the host's TimeProvider and the order lookup.
    /// </summary>
    public static void Map(WebApplication app, Config config)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = LaunchSettings.FromConfig(config);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var sites = app.Services.GetRequiredService<BrokerSettings>().Sites;
        Map(app, settings, app.Services.GetRequiredService<TimeProvider>(), new OrderStudyUidLookup(app.Services, sites, logger), logger);
    }

    /// <summary>Maps /launch on any endpoint builder (tests host it alone); <paramref name="lookup"/> null: no study UID lookup.</summary>
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder endpoints, LaunchSettings settings, TimeProvider time, IStudyUidLookup? lookup, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        if (!settings.Enabled)
        {
            logger.LogInformation("Launch endpoint {Route} disabled: actor-broker.links.signing-key is not configured", Route);
        }
        else
        {
            if (settings.SigningKey.Length < LaunchSettings.RecommendedKeyBytes)
            {
                logger.LogWarning(
                    "actor-broker.links.signing-key is {Bytes} bytes; use at least {Recommended} random bytes (e.g. \"base64:\" + 32 random bytes in base64)",
                    settings.SigningKey.Length,
                    LaunchSettings.RecommendedKeyBytes);
            }

            logger.LogInformation("Launch endpoint {Route} enabled: ttl {Ttl}, {Roles} EHR role(s) mapped", Route, settings.Ttl, settings.Roles.Count);
        }

        return endpoints.MapGet(Route, (Func<HttpContext, Task<IResult>>)(context => HandleAsync(context, settings, time, lookup, logger)));
    }

    private static async Task<IResult> HandleAsync(HttpContext context, LaunchSettings settings, TimeProvider time, IStudyUidLookup? lookup, ILogger logger)
    {
        context.Response.Headers.CacheControl = "no-store";
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "?";
        if (!settings.Enabled)
        {
            logger.LogWarning("Launch refused (disabled) from {Client}: actor-broker.links.signing-key is not configured", client);
            return Results.Text("The launch endpoint is disabled: actor-broker.links.signing-key is not configured on the broker.\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var result = LaunchLinkSigner.Verify(context.Request.QueryString.Value, settings.SigningKey, time.GetUtcNow(), settings.Ttl, settings.ClockSkew);
        var site = Printable(result.Get(LaunchLinkSigner.SiteParameter));
        var role = Printable(result.Get(LaunchLinkSigner.RoleParameter));
        var fingerprint = Fingerprint(result.Get(LaunchLinkSigner.SignatureParameter));
        if (result.Link is not { } link)
        {
            logger.LogWarning(
                "Launch refused ({Outcome}{Missing}) site {Site} role {Role} sig {Signature} from {Client}",
                result.Status,
                result.MissingParameter is null ? "" : " " + result.MissingParameter,
                site,
                role,
                fingerprint,
                client);
            return Results.Text($"This launch link is not valid: {Reason(result, settings)}.\n", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!settings.Roles.TryGetValue(link.Role, out var profile))
        {
            logger.LogWarning("Launch refused (UnmappedRole) site {Site} role {Role} sig {Signature} from {Client}", site, role, fingerprint, client);
            return Results.Text($"The EHR role '{role}' is not mapped to a viewer profile (actor-broker.links.roles); access is refused.\n", statusCode: StatusCodes.Status403Forbidden);
        }

        var uid = link.StudyUid;
        var looked = false;
        if (uid is null && lookup is not null)
        {
            uid = await lookup.FindStudyUidAsync(link.Site, link.Accession, context.RequestAborted);
            looked = true;
        }

        var location = settings.ViewerUrl.Expand(link.Site, link.Accession, uid, link.PatientId, profile);
        logger.LogInformation(
            "Launch granted site {Site} role {Role} profile {Profile} sig {Signature} from {Client}{Uid}",
            site,
            role,
            Printable(profile),
            fingerprint,
            client,
            uid is null ? " (no study UID)" : looked ? " (study UID from the order)" : "");
        logger.LogDebug("Launch accession {Accession} study {StudyUid} -> {Location}", link.Accession, uid, location);
        return Results.Redirect(location, permanent: false);
    }

    private static string Reason(LaunchLinkResult result, LaunchSettings settings) => result.Status switch
    {
        LaunchLinkStatus.MissingSignature => "it is not signed",
        LaunchLinkStatus.BadSignature => "its signature does not match (altered, or signed with another key)",
        LaunchLinkStatus.Expired => "it has expired",
        LaunchLinkStatus.TooLongLived => $"its expiry is further ahead than the broker allows (actor-broker.links.ttl = {settings.Ttl})",
        LaunchLinkStatus.MissingParameter => $"it lacks the parameter '{result.MissingParameter}'",
        _ => "it is malformed",
    };

    // An unverified site or role goes into a log line: short, printable ASCII, so it cannot forge lines.
    private static string Printable(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var sb = new StringBuilder(Math.Min(value.Length, 32));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 32)))
        {
            sb.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return value.Length > 32 ? sb.Append('…').ToString() : sb.ToString();
    }

    private static string Fingerprint(string? signature) =>
        string.IsNullOrEmpty(signature) ? "-" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature)), 0, 4);
}

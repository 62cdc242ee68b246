using System.Globalization;

namespace ActorBroker.Cli;

/// <summary>HOST:PORT of the broker's management API (http, loopback by default).</summary>
internal sealed record BrokerEndpoint(string Host, int Port)
{
    public const int DefaultPort = 9110;

    public Uri BaseUri => new($"http://{HostForUri}:{Port.ToString(CultureInfo.InvariantCulture)}/");

    private string HostForUri => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    public override string ToString() => $"{HostForUri}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Accepts HOST:PORT, [IPv6]:PORT, HOST alone (port 9110) and, for copy-paste convenience,
    /// http://HOST:PORT[/].
    /// </summary>
    public static bool TryParse(string? text, out BrokerEndpoint endpoint)
    {
        endpoint = null!;
        var s = text?.Trim() ?? "";
        if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            s = s["http://".Length..].TrimEnd('/');
        }

        if (s.Length == 0 || s.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        string host;
        string? port;
        if (s.StartsWith('['))
        {
            var close = s.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = s[1..close];
            var rest = s[(close + 1)..];
            if (rest.Length == 0)
            {
                port = null;
            }
            else if (rest.StartsWith(':'))
            {
                port = rest[1..];
            }
            else
            {
                return false;
            }

            if (Uri.CheckHostName(host) != UriHostNameType.IPv6)
            {
                return false;
            }
        }
        else
        {
            var colon = s.LastIndexOf(':');
            if (colon >= 0 && s.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                return false; // a bare IPv6 address: must be written [addr]:port
            }

            host = colon < 0 ? s : s[..colon];
            port = colon < 0 ? null : s[(colon + 1)..];
            if (Uri.CheckHostName(host) is UriHostNameType.Unknown or UriHostNameType.IPv6)
            {
                return false;
            }
        }

        var number = DefaultPort;
        if (port is not null
            && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535))
        {
            return false;
        }

        endpoint = new BrokerEndpoint(host, number);
        return true;
    }
}

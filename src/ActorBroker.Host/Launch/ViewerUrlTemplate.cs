using System.Text;

namespace ActorBroker.Host.Launch;

/// <summary>
/// actor-broker.links.viewer-url: the viewer's study URL with placeholders {accession}, {studyUid}, {patientId} and
/// {site} (case-sensitive), each replaced by its value escaped with <see cref="Uri.EscapeDataString"/> (an absent
/// value becomes empty), then the viewer profile appended as one more query parameter, "&lt;profile-parameter&gt;=&lt;profile&gt;"
/// (before any #fragment). Checked at start: an unknown placeholder, a stray brace or a result that is not an
/// absolute http(s) URL stops the broker rather than the first launch.
/// </summary>
internal sealed class ViewerUrlTemplate
{
    public const string Accession = "accession";
    public const string StudyUid = "studyUid";
    public const string PatientId = "patientId";
    public const string Site = "site";

    private static readonly string[] Known = [Accession, StudyUid, PatientId, Site];

    // The template cut at its placeholders: literal text, or a placeholder name.
    private readonly List<(bool IsPlaceholder, string Text)> _parts = [];

    public ViewerUrlTemplate(string template, string profileParameter)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentException.ThrowIfNullOrWhiteSpace(profileParameter);
        Template = template;
        ProfileParameter = profileParameter;
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = template.IndexOf('}', i);
            if (close >= 0 && (open < 0 || close < open))
            {
                throw new ArgumentException($"viewer-url has a '}}' without '{{' at position {close}");
            }

            if (open < 0)
            {
                _parts.Add((false, template[i..]));
                break;
            }

            if (close < 0)
            {
                throw new ArgumentException($"viewer-url has a '{{' without '}}' at position {open}");
            }

            var name = template[(open + 1)..close];
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"viewer-url has an unknown placeholder '{{{name}}}'; known: {string.Join(", ", Known.Select(k => "{" + k + "}"))}");
            }

            _parts.Add((false, template[i..open]));
            _parts.Add((true, name));
            i = close + 1;
        }

        var sample = Expand("SITE", "ACC1", "1.2.3", "PID1", "profile");
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"viewer-url '{template}' does not give an absolute http(s) URL");
        }
    }

    public string Template { get; }

    public string ProfileParameter { get; }

    /// <summary>The viewer URL for one study and profile.</summary>
    public string Expand(string site, string accession, string? studyUid, string? patientId, string profile)
    {
        var sb = new StringBuilder(Template.Length + 64);
        foreach (var (isPlaceholder, text) in _parts)
        {
            sb.Append(!isPlaceholder ? text : Uri.EscapeDataString(text switch
            {
                Accession => accession,
                StudyUid => studyUid ?? "",
                PatientId => patientId ?? "",
                _ => site,
            }));
        }

        var url = sb.ToString();
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var (head, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        var separator = !head.Contains('?', StringComparison.Ordinal) ? "?" : head.EndsWith('?') || head.EndsWith('&') ? "" : "&";
        return $"{head}{separator}{Uri.EscapeDataString(ProfileParameter)}={Uri.EscapeDataString(profile)}{fragment}";
    }
}

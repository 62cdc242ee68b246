using System.Text;
using ActorBroker.Host.Launch;
using Akka.Configuration;

namespace ActorBroker.Host.Tests.Launch;

/// <summary>actor-broker.links as the built-in defaults and an operator's overrides give it.</summary>
public sealed class LaunchSettingsTests
{
    private static Config Defaults() =>
        ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", "actor-broker.conf")));

    private static LaunchSettings With(string hocon) =>
        LaunchSettings.FromConfig(ConfigurationFactory.ParseString(hocon).WithFallback(Defaults()));

    [Fact]
    public void The_built_in_defaults_keep_the_contract_and_leave_launch_disabled()
    {
        var s = LaunchSettings.FromConfig(Defaults());
        Assert.Equal("https://viewer.example.org/study?acc={accession}&uid={studyUid}", s.ViewerUrl.Template);
        Assert.Equal("profile", s.ViewerUrl.ProfileParameter);
        Assert.Equal(TimeSpan.FromMinutes(5), s.Ttl);
        Assert.Equal(TimeSpan.FromSeconds(30), s.ClockSkew);
        Assert.Empty(s.SigningKey);
        Assert.False(s.Enabled);
        Assert.Empty(s.Roles);
    }

    [Fact]
    public void A_configuration_without_a_links_section_reads_as_the_defaults()
    {
        var s = LaunchSettings.FromConfig(ConfigurationFactory.ParseString("actor-broker { node-name = x }"));
        Assert.Equal(LaunchSettings.DefaultViewerUrl, s.ViewerUrl.Template);
        Assert.Equal(LaunchSettings.DefaultTtl, s.Ttl);
        Assert.False(s.Enabled);
    }

    [Fact]
    public void Operators_set_key_ttl_and_roles()
    {
        var s = With("""
            actor-broker.links {
              signing-key = "base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
              ttl = 2m
              clock-skew = 0s
              profile-parameter = mode
              roles { RAD = radiologist, "REF.PHYS" = referring }
            }
            """);
        Assert.True(s.Enabled);
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (byte)i), s.SigningKey);
        Assert.Equal(TimeSpan.FromMinutes(2), s.Ttl);
        Assert.Equal(TimeSpan.Zero, s.ClockSkew);
        Assert.Equal("mode", s.ViewerUrl.ProfileParameter);
        Assert.Equal("radiologist", s.Roles["rad"]);
        Assert.Equal("referring", s.Roles["REF.PHYS"]);
        Assert.Equal(2, s.Roles.Count);
        Assert.Equal(Encoding.UTF8.GetBytes("plain text key"), With("actor-broker.links.signing-key = \"plain text key\"").SigningKey);
    }

    [Theory]
    [InlineData("actor-broker.links.signing-key = \"base64:%%%\"", "signing-key")]
    [InlineData("actor-broker.links.ttl = 0s", "ttl")]
    [InlineData("actor-broker.links.clock-skew = -1s", "clock-skew")]
    [InlineData("actor-broker.links.ttl = soon", "ttl")]
    [InlineData("actor-broker.links.viewer-url = \"https://v.example/{acc}\"", "{acc}")]
    [InlineData("actor-broker.links.roles { RAD = \"\" }", "roles.RAD")]
    [InlineData("actor-broker.links.roles { RAD { x = 1 } }", "roles.RAD")]
    [InlineData("actor-broker.links.roles { RAD = a, rad = b }", "twice")]
    public void Mistakes_stop_the_broker_at_start_naming_the_key(string hocon, string named)
    {
        var e = Assert.Throws<ConfigurationException>(() => With(hocon));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }
}

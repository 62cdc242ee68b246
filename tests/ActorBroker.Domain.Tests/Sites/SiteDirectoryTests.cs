using ActorBroker.Domain.Sites;

namespace ActorBroker.Domain.Tests.Sites;

public sealed class SiteDirectoryTests
{
    [Theory]
    [InlineData("MAINHOSP", "MAINHOSP")]
    [InlineData("mainhosp", "MAINHOSP")]
    [InlineData(" MainHosp ", "MAINHOSP")]
    [InlineData("NORTHCLINIC", "NORTHCLINIC")]
    public void Resolves_a_site_by_sending_facility_ignoring_case(string msh4, string site)
    {
        Assert.Equal(site, TestSites.Directory.ResolveByFacility(msh4)!.SiteId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SOUTHCLINIC")]
    public void An_unknown_facility_resolves_to_null(string msh4)
    {
        Assert.Null(TestSites.Directory.ResolveByFacility(msh4));
    }

    [Fact]
    public void Finds_sites_by_id_ignoring_case()
    {
        Assert.Same(TestSites.NorthClinic, TestSites.Directory.Get("northclinic"));
        Assert.Null(TestSites.Directory.Get("NOWHERE"));
        Assert.Equal(2, TestSites.Directory.Sites.Count);
    }

    [Fact]
    public void One_site_may_have_several_facilities()
    {
        var site = new SiteRules("MAINHOSP", ["MAINHOSP", "MAINHOSP-ED"], "America/Chicago");
        var directory = new SiteDirectory([site]);

        Assert.Same(site, directory.ResolveByFacility("mainhosp-ed"));
    }

    [Fact]
    public void A_facility_claimed_by_two_sites_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new SiteDirectory(
        [
            new SiteRules("A", ["SHARED"], "UTC"),
            new SiteRules("B", ["shared"], "UTC"),
        ]));
        Assert.Contains("sending facility 'shared' is claimed by sites A and B", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_configured_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SiteDirectory([new SiteRules("A", ["X"], "UTC"), new SiteRules("a", ["Y"], "UTC")]));
    }
}

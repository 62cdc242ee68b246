using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;

namespace ActorBroker.Domain.Tests.Sites;

public sealed class SiteRulesTests
{
    private static readonly SiteRules ThreeCts = new("MAINHOSP", ["MAINHOSP"], "America/Chicago")
    {
        Modalities = SiteRules.StationsByAeTitle(
        [
            new ModalityStation("CT01", "CT"),
            new ModalityStation("CT02", "CT"),
            new ModalityStation("ERCT", "CT"),
            new ModalityStation("MR01", "MR", StationName: "MR 1", Location: "RAD MR"),
        ]),
        StationRules =
        [
            new StationRule("CT", "ED", "ERCT"),
            new StationRule("CT", "RAD", "CT02"),
        ],
    };

    [Fact]
    public void The_time_zone_is_resolved_from_its_IANA_id()
    {
        Assert.Equal("America/Chicago", TestSites.MainHosp.TimeZoneId);
        Assert.Equal(TimeSpan.FromHours(-6), TestSites.MainHosp.TimeZone.GetUtcOffset(new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(1), TestSites.NorthClinic.TimeZone.GetUtcOffset(new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Changing_the_time_zone_id_with_with_resolves_it_again()
    {
        var moved = TestSites.MainHosp with { TimeZoneId = "Europe/Copenhagen" };

        Assert.Equal(TestSites.NorthClinic.TimeZone.Id, moved.TimeZone.Id);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("CST-6-ish")]
    public void An_unknown_time_zone_is_a_clear_error_at_construction(string zone)
    {
        var e = Assert.Throws<ArgumentException>(() => new SiteRules("MAINHOSP", ["MAINHOSP"], zone));
        Assert.Contains($"site MAINHOSP: time zone '{zone}' is not a known IANA time zone id", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_time_zone_is_an_error(string zone)
    {
        var e = Assert.Throws<ArgumentException>(() => new SiteRules("MAINHOSP", ["MAINHOSP"], zone));
        Assert.Contains("time-zone is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_id_with_a_bar_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SiteRules("MAIN|HOSP", ["MAINHOSP"], "America/Chicago"));
    }

    [Theory]
    [InlineData("CT", "ED", "ERCT")]   // first rule
    [InlineData("CT", "ed", "ERCT")]   // location ignores case
    [InlineData("ct", "RAD", "CT02")]  // second rule, modality ignores case
    [InlineData("CT", "4W", "")]       // no rule, three CT stations: ambiguous
    [InlineData("MR", "4W", "MR01")]   // no rule, the only MR station
    [InlineData("US", "RAD", "")]      // no station at all
    public void Assigns_stations_by_rule_then_by_the_only_station(string modality, string pointOfCare, string expected)
    {
        Assert.Equal(expected, ThreeCts.AssignStation(modality, pointOfCare));
    }

    [Fact]
    public void A_rule_without_location_matches_every_location()
    {
        var site = ThreeCts with { StationRules = [new StationRule("CT", null, "CT01"), new StationRule("CT", "ED", "ERCT")] };

        Assert.Equal("CT01", site.AssignStation("CT", "ED"));
    }

    [Fact]
    public void Stations_are_found_by_AE_title()
    {
        Assert.Equal("RAD MR", ThreeCts.Station("MR01")!.Location);
        Assert.Null(ThreeCts.Station("NOPE"));
        Assert.Equal(ModalityStation.DefaultCharacterSet, ThreeCts.Station("CT01")!.CharacterSet);
        Assert.Equal("ISO_IR 192", ModalityStation.DefaultCharacterSet);
    }

    [Fact]
    public void A_modality_entry_under_another_AE_title_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => TestSites.MainHosp with
        {
            Modalities = new Dictionary<string, ModalityStation> { ["CT01"] = new("CT09", "CT") },
        });
        Assert.Contains("'CT01' holds the station of AE title 'CT09'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("THIS_AE_IS_TOO_LONG")]
    [InlineData("BAD\\AE")]
    public void Invalid_AE_titles_are_refused(string ae)
    {
        Assert.Throws<ArgumentException>(() => TestSites.MainHosp with
        {
            Modalities = new Dictionary<string, ModalityStation> { [ae] = new(ae, "CT") },
        });
    }

    [Fact]
    public void The_same_AE_title_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SiteRules.StationsByAeTitle([new ModalityStation("CT01", "CT"), new ModalityStation("CT01", "MR")]));
    }

    [Fact]
    public void A_bad_UID_root_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TestSites.MainHosp with { UidRoot = "2.25.x" });
    }

    [Fact]
    public void Defaults_list_only_scheduled_orders_and_derive_UIDs_under_2_25()
    {
        var site = new SiteRules("S", ["S"], "UTC");

        Assert.Equal([OrderState.Scheduled], site.WorklistStates);
        Assert.True(site.ShowsOnWorklist(OrderState.Scheduled));
        Assert.False(site.ShowsOnWorklist(OrderState.Held));
        Assert.False(site.ShowsOnWorklist(OrderState.Cancelled));
        Assert.Equal(StudyUidPolicy.DeriveFromAccession, site.StudyUidPolicy);
        Assert.Equal("2.25", site.UidRoot);
        Assert.Equal("", site.PatientIdIssuer);
        Assert.Same(AccessionRules.Default, site.Accession);
        Assert.Empty(site.Modalities);
    }

    [Fact]
    public void Study_UIDs_follow_the_policy()
    {
        var guid = Guid.Parse("00000000-0000-0000-0000-00000000002a");

        Assert.Equal(DicomUids.DeriveStudyUid("2.25", "MAINHOSP", "ACC1"), TestSites.MainHosp.MakeStudyUid("ACC1", () => guid));
        Assert.Equal("2.25.42", (TestSites.MainHosp with { StudyUidPolicy = StudyUidPolicy.Generate }).MakeStudyUid("ACC1", () => guid));
        Assert.Null((TestSites.MainHosp with { StudyUidPolicy = StudyUidPolicy.Reject }).MakeStudyUid("ACC1", () => guid));
    }

    [Fact]
    public void Sending_facilities_match_ignoring_case()
    {
        Assert.True(TestSites.MainHosp.IsSendingFacility("mainhosp"));
        Assert.False(TestSites.MainHosp.IsSendingFacility("NORTHCLINIC"));
    }
}

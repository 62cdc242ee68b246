using ActorBroker.Actors.Settings;
using ActorBroker.Domain.Sites;
using Akka.Configuration;

namespace ActorBroker.Actors.Tests.Settings;

public sealed class BrokerSettingsTests
{
    private static Config Defaults => ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", "actor-broker.conf")));

    [Fact]
    public void The_contract_defaults_are_what_the_issue_names()
    {
        var s = BrokerSettings.FromConfig(Defaults);
        Assert.Equal("data", s.DataDir);
        Assert.Equal(["orders", "reports"], s.Hl7Listeners.Select(l => l.Name));
        var orders = s.Hl7Listeners[0];
        Assert.Equal(("orders", "127.0.0.1", 2575), (orders.Name, orders.Host, orders.Port));
        Assert.Equal(16 * 1024 * 1024, orders.MaxMessageBytes);
        Assert.Equal(("reports", "127.0.0.1", 2577), (s.Hl7Listeners[1].Name, s.Hl7Listeners[1].Host, s.Hl7Listeners[1].Port));
        // Issue 4: the EHR destination and no MPPS forwarding by default.
        var ehr = Assert.Single(s.Hl7Destinations);
        Assert.Equal(("ehr", "127.0.0.1", 2576), (ehr.Name, ehr.Host, ehr.Port));
        Assert.Equal("ORM^O01", ehr.StatusMessageType);
        Assert.True(ehr.Receives("status") && ehr.Receives("result"));
        Assert.Equal((1, TimeSpan.FromMicroseconds(100)), (ehr.MaxInFlight, ehr.LinkThreadSlice));
        Assert.Null(s.MppsForward);
        // Issue 5: the viewer URL template.
        Assert.Equal("https://viewer.example.org/study?acc={accession}&uid={studyUid}", s.ViewerUrlTemplate);
        Assert.Equal(new ManagementSettings("127.0.0.1", 9110), s.Management);
        Assert.Equal("sqlite", s.Persistence.Provider);
        // Orders and studies recover without the snapshot store by default; unset, they follow persistence.snapshot-every.
        Assert.Equal((0, 0), (s.OrderSnapshotEvery, s.StudySnapshotEvery));
        var unset = ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", "actor-broker.conf"))
            .Replace("snapshot-every = 0", "# unset", StringComparison.Ordinal));
        var inherited = BrokerSettings.FromConfig(unset);
        Assert.Equal((50, 50), (inherited.OrderSnapshotEvery, inherited.StudySnapshotEvery));
    }

    [Fact]
    public void The_outboxes_thread_asks_for_the_shortest_link_slice_the_destinations_name()
    {
        var two = BrokerSettings.FromConfig(ConfigurationFactory.ParseString("""
            actor-broker.hl7.destinations.ris { host = 127.0.0.1, port = 2590, link-thread-slice = 0.5ms }
            actor-broker.hl7.destinations.ehr.link-thread-slice = 0
            """).WithFallback(Defaults));
        Assert.Equal(TimeSpan.FromMilliseconds(0.5), Actors.Outbound.OutboundSupervisor.OutboxThreadSlice(two.Hl7Destinations));
        Assert.Equal(TimeSpan.FromMilliseconds(0.1), Actors.Outbound.OutboundSupervisor.OutboxThreadSlice(BrokerSettings.FromConfig(Defaults).Hl7Destinations));
        Assert.Equal(TimeSpan.Zero, Actors.Outbound.OutboundSupervisor.OutboxThreadSlice([]));
        var hocon = Actors.Outbound.OutboundSupervisor.DispatcherHocon(TimeSpan.FromMilliseconds(0.1)).GetConfig(Actors.Outbound.OutboundSupervisor.OutboxDispatcherId);
        Assert.Equal(TimeSpan.FromMilliseconds(0.1), hocon.GetTimeSpan("own-thread-slice"));
    }

    [Fact]
    public void The_orders_listener_puts_the_ack_first_and_bad_apply_settings_are_refused()
    {
        var orders = BrokerSettings.FromConfig(Defaults).Hl7Listeners[0];
        Assert.Equal((64, 2000, 2, 100_000), (orders.ApplyConcurrency, orders.ApplyYieldAbove, orders.ApplyWhileReceiving, orders.MaxApplyBacklog));

        foreach (var bad in new[] { "apply-yield-above = -1", "max-apply-backlog = 0" })
        {
            var e = Assert.Throws<ConfigurationException>(() => BrokerSettings.FromConfig(ConfigurationFactory.ParseString($"actor-broker.hl7.listeners.orders.{bad}").WithFallback(Defaults)));
            Assert.Contains("actor-broker.hl7.listeners.orders", e.Message, StringComparison.Ordinal);
        }

        var off = BrokerSettings.FromConfig(ConfigurationFactory.ParseString("actor-broker.hl7.listeners.orders { apply-yield-above = 0, max-apply-backlog = 0 }").WithFallback(Defaults));
        Assert.Equal((0, 0), (off.Hl7Listeners[0].ApplyYieldAbove, off.Hl7Listeners[0].MaxApplyBacklog));
    }

    [Fact]
    public void Mpps_forwarding_is_on_when_a_PACS_AE_is_named_and_bad_destination_values_are_refused()
    {
        var forward = BrokerSettings.FromConfig(ConfigurationFactory.ParseString("actor-broker.dicom.forward-mpps-to { ae-title = PACS, port = 11114 }").WithFallback(Defaults));
        Assert.Equal(("PACS", "127.0.0.1", 11114), (forward.MppsForward!.AeTitle, forward.MppsForward.Host, forward.MppsForward.Port));

        foreach (var bad in new[] { "status-message-type = ADT", "max-in-flight = 0", "on-ae = ignore", "kinds = [status, billing]", "port = 0", "link-thread-slice = 1s" })
        {
            var e = Assert.Throws<ConfigurationException>(() => BrokerSettings.FromConfig(ConfigurationFactory.ParseString($"actor-broker.hl7.destinations.ehr.{bad}").WithFallback(Defaults)));
            Assert.Contains("actor-broker.hl7.destinations.ehr", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_sample_site_maps_its_facility_zone_and_stations()
    {
        var sites = BrokerSettings.FromConfig(Defaults).Sites;
        var main = sites.ResolveByFacility("mainhosp");
        Assert.NotNull(main);
        Assert.Equal("America/Chicago", main!.TimeZoneId);
        Assert.Equal("CT", main.Station("CT01")!.Modality);
        Assert.Equal("MR", main.Station("MR01")!.Modality);
        Assert.Equal("ISO_IR 192", main.Station("CT01")!.CharacterSet);
        Assert.Equal("EPI", main.PatientIdIssuer);
        Assert.Equal(StudyUidPolicy.DeriveFromAccession, main.StudyUidPolicy);
        Assert.Equal("Europe/Copenhagen", sites.Get("NORTHCLINIC")!.TimeZoneId);
    }

    [Fact]
    public void A_layered_file_adds_a_site_with_station_rules_and_accession_rules()
    {
        var layer = ConfigurationFactory.ParseString("""
            actor-broker.sites.WEST {
              sending-facilities = [WESTCLINIC, WEST2]
              time-zone = "America/Denver"
              study-uid-policy = reject
              accession { strip-prefixes = ["W-"], max-length = 12 }
              modalities { WCT1 { modality = CT, character-set = "ISO_IR 100" } }
              station-rules = [ { modality = CT, location = ER, ae-title = WCT1 } ]
            }
            """).WithFallback(Defaults);
        var west = BrokerSettings.FromConfig(layer).Sites.ResolveByFacility("WEST2")!;
        Assert.Equal(StudyUidPolicy.Reject, west.StudyUidPolicy);
        Assert.Equal("A1", west.Accession.Normalise("w-a1"));
        Assert.Equal("WCT1", west.AssignStation("CT", "ER"));
        Assert.Equal("ISO_IR 100", west.Station("WCT1")!.CharacterSet);
    }

    [Theory]
    [InlineData("actor-broker.sites.BAD { time-zone = \"Mars/Olympus\" }", "Mars/Olympus")]
    [InlineData("actor-broker.sites.BAD { time-zone = \"UTC\", study-uid-policy = guess }", "study-uid-policy")]
    [InlineData("actor-broker.sites.BAD { time-zone = \"UTC\", sending-facilities = [MAINHOSP] }", "MAINHOSP")]
    public void Configuration_mistakes_name_the_site_and_key(string hocon, string mentioned)
    {
        var config = ConfigurationFactory.ParseString(hocon).WithFallback(Defaults);
        var ex = Assert.Throws<ConfigurationException>(() => BrokerSettings.FromConfig(config));
        Assert.Contains(mentioned, ex.Message, StringComparison.Ordinal);
    }
}

using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;

namespace ActorBroker.Domain.Tests;

/// <summary>The two sites of the samples, as hocon/actor-broker.conf configures them.</summary>
internal static class TestSites
{
    public static SiteRules MainHosp { get; } = new("MAINHOSP", ["MAINHOSP"], "America/Chicago")
    {
        PatientIdIssuer = "EPI",
        StudyUidPolicy = StudyUidPolicy.DeriveFromAccession,
        Modalities = SiteRules.StationsByAeTitle(
        [
            new ModalityStation("CT01", "CT", StationName: "CT SCANNER 1", Location: "RAD CT1"),
            new ModalityStation("MR01", "MR"),
        ]),
    };

    public static SiteRules NorthClinic { get; } = new("NORTHCLINIC", ["NORTHCLINIC"], "Europe/Copenhagen")
    {
        PatientIdIssuer = "NORTHCLINIC",
        Modalities = SiteRules.StationsByAeTitle([new ModalityStation("NCUS02", "US", StationName: "NC US 2")]),
    };

    public static SiteDirectory Directory { get; } = new([MainHosp, NorthClinic]);

    public static DateTimeOffset ReceivedAt { get; } = new(2026, 11, 28, 14, 30, 0, TimeSpan.Zero);

    public static MessageRef Message(string controlId, string app = "EPIC", string facility = "MAINHOSP") =>
        new(app, facility, controlId, ReceivedAt);
}

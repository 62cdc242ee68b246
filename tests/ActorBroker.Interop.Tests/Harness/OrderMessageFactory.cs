using System.Globalization;
using System.Text;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// ORM^O01 messages shaped like the samples (site MAINHOSP, CT, UTF-8 names, Study UID in ZDS-1),
/// with a unique MSH-10, placer number, accession (at most 16 characters, upper case) and Study UID
/// per (run, connection, sequence). NW places the order at 09:30 local; XO moves it to 10:30.
/// </summary>
internal static class OrderMessageFactory
{
    public const string ScheduledStart = "2026-11-28T09:30:00-06:00";
    public const string ChangedStart = "2026-11-28T10:30:00-06:00";
    private const string UidRoot = "1.2.840.114350.2.277.2.798268.2";

    /// <summary>A short random upper-case tag that keeps one test run's accessions apart from another's.</summary>
    public static string NewRunTag() => Random.Shared.Next(0x1000, 0x10000).ToString("X4", CultureInfo.InvariantCulture);

    public static GeneratedOrder New(string run, int connection, int sequence)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{run}{connection:D2}{sequence:D5}");
        var accession = "K" + id; // 12 characters
        var placer = "P" + id;
        var uid = string.Create(CultureInfo.InvariantCulture, $"{UidRoot}.{int.Parse(run, NumberStyles.HexNumber, CultureInfo.InvariantCulture)}.{connection + 1}.{sequence + 1}");
        return Build("NW", "N" + id, accession, placer, uid, "20261128093000-0600");
    }

    /// <summary>An XO for <paramref name="order"/> with a new MSH-10, moving it to 10:30 local.</summary>
    public static GeneratedOrder Change(GeneratedOrder order) =>
        Build("XO", "X" + order.ControlId[1..], order.Accession, order.Placer, order.StudyUid, "20261128103000-0600");

    private static GeneratedOrder Build(string control, string controlId, string accession, string placer, string studyUid, string start)
    {
        var text =
            $"MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|20261128083000-0600||ORM^O01|{controlId}|P|2.3|||AL|NE||UNICODE UTF-8\r" +
            "PID|1||E1000001^^^EPI^MR~88231^^^NORTHCLINIC^MR||NÚÑEZ^JOSÉ^ANTONIO^^SR.||19700214|M|||1200 W JOHNSON ST^^MADISON^WI^53706||(608)555-0101\r" +
            "PV1|1|O|RAD^CT1^^MAINHOSP|||||4411^GARCÍA^MARÍA^^^^MD\r" +
            $"ORC|{control}|{placer}^EPC|{accession}^EPC||SC||^^^{start}^^R||20261128083000-0600|||4411^GARCÍA^MARÍA^^^^MD\r" +
            $"OBR|1|{placer}^EPC|{accession}^EPC|IMG3301^CT HEAD WO CONTRAST^EAP|||20261128083000-0600|||||||||4411^GARCÍA^MARÍA^^^^MD||{accession}|R{accession}|S{accession}||||CT|||^^^{start}^^R||||Headache, rule out bleed\r" +
            $"ZDS|{studyUid}^EPIC^Application^DICOM\r";
        return new GeneratedOrder(controlId, accession, placer, studyUid, Encoding.UTF8.GetBytes(text));
    }
}

using ActorBroker.Hl7;

namespace ActorBroker.Domain.Tests.Mapping;

/// <summary>Builds small ER7 messages for mapper tests: fields by number, so a test shows what it varies.</summary>
internal static class Er7
{
    public const string MshOrm = "MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|20261128083000-0600||ORM^O01|T0001|P|2.5.1|||AL|NE||UNICODE UTF-8";
    public const string MshOmi = "MSH|^~\\&|EPIC|NORTHCLINIC|ACTORBROKER|RAD|20261128091500+0100||OMI^O23^OMI_O23|T0002|P|2.5.1|||AL|NE||UNICODE UTF-8";
    public const string PidLine = "PID|1||E1^^^EPI^MR~77^^^NORTHCLINIC^MR||DOE^JANE||19800101|F";
    public const string Pv1Line = "PV1|1|O|RAD^CT1^^MAINHOSP|||||4411^GARCÍA^MARÍA^^^^MD|||||||||||V1";

    /// <summary>A segment with the given fields set (1-based), the rest empty.</summary>
    public static string Seg(string id, params (int Field, string Value)[] fields)
    {
        var max = fields.Length == 0 ? 0 : fields.Max(f => f.Field);
        var values = new string[max];
        Array.Fill(values, "");
        foreach (var (field, value) in fields)
        {
            values[field - 1] = value;
        }

        return max == 0 ? id : id + "|" + string.Join('|', values);
    }

    public static string Orc(string control = "NW", string status = "SC", string start = "20261128093000-0600", string priority = "R", int group = 1) =>
        Seg("ORC", (1, control), (2, $"PL{group}^EPC"), (3, $"ACC{group}^EPC"), (5, status), (7, start.Length + priority.Length > 0 ? $"^^^{start}^^{priority}" : ""));

    public static string Obr(string accession = "ACC1", string modality = "CT", params (int Field, string Value)[] more) =>
        Seg("OBR", [(1, "1"), (2, "PL1^EPC"), (3, accession + "^EPC"), (4, "IMG1^CT HEAD^EAP"), (18, accession), (19, "RP1"), (20, "SPS1"), (24, modality), .. more]);

    public static string Zds(string uid = "1.2.3.4.5") => $"ZDS|{uid}^EPIC^Application^DICOM";

    public static Hl7Message Message(params string[] segments) => Hl7Message.Parse(string.Join('\r', segments) + "\r");

    /// <summary>MSH, PID, PV1, then the given order segments.</summary>
    public static Hl7Message Orm(params string[] orderSegments) => Message([MshOrm, PidLine, Pv1Line, .. orderSegments]);
}

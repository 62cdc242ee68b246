using ActorBroker.Hl7;
using static ActorBroker.Domain.Tests.Mapping.Er7;

namespace ActorBroker.Domain.Tests.Reports;

/// <summary>Small ORU^R01 messages for the report mapper tests.</summary>
internal static class Oru
{
    public const string MshOru = "MSH|^~\\&|DICTATION|MAINHOSP|ACTORBROKER|RAD|20261128120000-0600||ORU^R01|R0001|P|2.5.1|||AL|NE||UNICODE UTF-8";

    public static string Obr(string accession = "ACC1", string status = "F", params (int Field, string Value)[] more) =>
        Seg("OBR", [(1, "1"), (2, "PL1^EPC"), (3, "F1^EPC"), (4, "IMG1^CT HEAD^EAP"), (7, "20261128093500-0600"), (18, accession), (24, "CT"), (25, status), .. more]);

    public static string OrcRe(string placer = "PL1", string filler = "F1") => Seg("ORC", (1, "RE"), (2, placer + "^EPC"), (3, filler + "^EPC"), (5, "CM"));

    public static string Obx(int n, string type, string value, string status = "F", string id = "IMG1^CT HEAD^EAP", params (int Field, string Value)[] more) =>
        Seg("OBX", [(1, n.ToString(System.Globalization.CultureInfo.InvariantCulture)), (2, type), (3, id), (4, n.ToString(System.Globalization.CultureInfo.InvariantCulture)), (5, value), (11, status), .. more]);

    public static string Tx(int n, string text, string status = "F") => Obx(n, "TX", text, status);

    /// <summary>MSH, PID, then the given segments.</summary>
    public static Hl7Message Message(params string[] segments) => Mapping.Er7.Message([MshOru, PidLine, .. segments]);

    /// <summary>MSH, PID, ORC, OBR, one TX line.</summary>
    public static Hl7Message Simple(string obr) => Message(OrcRe(), obr, Tx(1, "Text."));
}

using System.Text;

namespace ActorBroker.Benchmarks;

/// <summary>A realistic ~1 KB ORM^O01 (Epic-style new CT order with accents, escapes and a note).</summary>
internal static class Hl7BenchmarkMessages
{
    public static readonly byte[] Orm = Encoding.UTF8.GetBytes(string.Join('\r',
        "MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|20261128083000-0600||ORM^O01|MSG000001|P|2.3|||AL|NE||UNICODE UTF-8",
        "PID|1||E1000001^^^EPI^MR~88231^^^NORTHCLINIC^MR||NÚÑEZ^JOSÉ^ANTONIO^^SR.||19700214|M|||1200 W JOHNSON ST^^MADISON^WI^53706||(608)555-0101|||||A9000001",
        "PV1|1|O|RAD^CT1^^MAINHOSP|||||4411^GARCÍA^MARÍA^^^^MD|||||||||||V7001001",
        "ORC|NW|PL20001^EPC|ACC20001^EPC||SC||^^^20261128093000-0600^^R||20261128083000-0600|||4411^GARCÍA^MARÍA^^^^MD",
        "OBR|1|PL20001^EPC|ACC20001^EPC|IMG3301^CT HEAD WO CONTRAST^EAP^70450^CT HEAD WO CONTRAST^CPT|||20261128083000-0600|||||||||4411^GARCÍA^MARÍA^^^^MD||ACC20001|RP20001|SPS20001||||CT|||^^^20261128093000-0600^^R||||Headache, rule out bleed",
        "NTE|1||Patient claustrophobic \\T\\ needs sedation; allergy to iodinated contrast \\F\\ see chart\\.br\\Call 555-0199 before scan",
        "DG1|1|I10|R51.9^Headache, unspecified^I10|||W",
        "ZDS|1.2.840.114350.2.277.2.798268.2.20001.1^EPIC^Application^DICOM") + "\r");
}

using System.Text;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// Reports for a generated order: an ORU^R01 as dictation sends it (OBR-25 and OBX-11 P/F/C, TX lines with
/// accents), and a Basic Text SR built with dcmtk's dump2dcm exactly as ../shared/peers/make-sr.sh builds one
/// (COMPLETE, UNVERIFIED; Referenced Request Sequence naming the order).
/// </summary>
internal static class ReportMessages
{
    public static byte[] Oru(GeneratedOrder order, string status, string controlId, params string[] lines)
    {
        var text = new StringBuilder()
            .Append($"MSH|^~\\&|DICTATION|MAINHOSP|ACTORBROKER|RAD|20261128120000-0600||ORU^R01|{controlId}|P|2.3|||AL|NE||UNICODE UTF-8\r")
            .Append("PID|1||E1000001^^^EPI^MR||NÚÑEZ^JOSÉ^ANTONIO^^SR.||19700214|M\r")
            .Append($"ORC|RE|{order.Placer}^EPC|{order.Accession}^EPC||CM\r")
            .Append($"OBR|1|{order.Placer}^EPC|{order.Accession}^EPC|IMG3301^CT HEAD WO CONTRAST^EAP|||20261128093500-0600|||||||||4411^GARCÍA^MARÍA^^^^MD||{order.Accession}|R{order.Accession}|||20261128120000-0600||CT|{status}\r");
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append($"OBX|{i + 1}|TX|IMG3301^CT HEAD WO CONTRAST^EAP|{i + 1}|{lines[i]}||||||{status}\r");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Writes a Basic Text SR for the order with dump2dcm; returns its SOP Instance UID.</summary>
    public static async Task<string> WriteSrAsync(string dump2dcm, string path, GeneratedOrder order, string finding, string conclusion)
    {
        var sop = "2.25." + new Guid(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToString("N").Aggregate(System.Numerics.BigInteger.Zero, (a, c) => (a * 16) + Convert.ToInt32(c.ToString(), 16));
        var series = sop + ".1";
        var dump = $"""
            (0002,0001) OB 00\01
            (0002,0002) UI [1.2.840.10008.5.1.4.1.1.88.11]
            (0002,0003) UI [{sop}]
            (0002,0010) UI [1.2.840.10008.1.2.1]
            (0008,0005) CS [ISO_IR 192]
            (0008,0016) UI [1.2.840.10008.5.1.4.1.1.88.11]
            (0008,0018) UI [{sop}]
            (0008,0020) DA [20261128]
            (0008,0023) DA [20261128]
            (0008,0030) TM [120000]
            (0008,0033) TM [120000]
            (0008,0050) SH [{order.Accession}]
            (0008,0060) CS [SR]
            (0008,0070) LO [PeerTest]
            (0008,0090) PN [House^Gregory]
            (0008,1111) SQ
            (fffe,e0dd) -
            (0010,0010) PN [Núñez^José]
            (0010,0020) LO [E1000001]
            (0020,000d) UI [{order.StudyUid}]
            (0020,000e) UI [{series}]
            (0020,0010) SH [1]
            (0020,0011) IS [900]
            (0020,0013) IS [1]
            (0040,a040) CS [CONTAINER]
            (0040,a043) SQ
            (fffe,e000) -
            (0008,0100) SH [18748-4]
            (0008,0102) SH [LN]
            (0008,0104) LO [Diagnostic Imaging Report]
            (fffe,e00d) -
            (fffe,e0dd) -
            (0040,a050) CS [SEPARATE]
            (0040,a370) SQ
            (fffe,e000) -
            (0008,0050) SH [{order.Accession}]
            (0008,1110) SQ
            (fffe,e0dd) -
            (0020,000d) UI [{order.StudyUid}]
            (0032,1060) LO [CT HEAD WO CONTRAST]
            (0032,1064) SQ
            (fffe,e0dd) -
            (0040,1001) SH [R{order.Accession}]
            (0040,2016) LO [{order.Placer}]
            (0040,2017) LO [{order.Accession}]
            (fffe,e00d) -
            (fffe,e0dd) -
            (0040,a372) SQ
            (fffe,e0dd) -
            (0040,a491) CS [COMPLETE]
            (0040,a493) CS [UNVERIFIED]
            (0040,a730) SQ
            (fffe,e000) -
            (0040,a010) CS [CONTAINS]
            (0040,a040) CS [TEXT]
            (0040,a043) SQ
            (fffe,e000) -
            (0008,0100) SH [121071]
            (0008,0102) SH [DCM]
            (0008,0104) LO [Finding]
            (fffe,e00d) -
            (fffe,e0dd) -
            (0040,a160) UT [{finding}]
            (fffe,e00d) -
            (fffe,e000) -
            (0040,a010) CS [CONTAINS]
            (0040,a040) CS [TEXT]
            (0040,a043) SQ
            (fffe,e000) -
            (0008,0100) SH [121076]
            (0008,0102) SH [DCM]
            (0008,0104) LO [Conclusion]
            (fffe,e00d) -
            (fffe,e0dd) -
            (0040,a160) UT [{conclusion}]
            (fffe,e00d) -
            (fffe,e0dd) -
            """;
        var dumpFile = path + ".dump";
        await File.WriteAllTextAsync(dumpFile, dump, new UTF8Encoding(false));
        var result = await PeerProcess.RunAsync(dump2dcm, ["-q", "+te", dumpFile, path]);
        Assert.True(result.ExitCode == 0, "dump2dcm: " + result);
        return sop;
    }
}

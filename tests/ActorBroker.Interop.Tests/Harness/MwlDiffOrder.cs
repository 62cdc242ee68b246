using System.Globalization;
using System.Text;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// One generated order of the MWL differential test, with what both servers should list for it: as an HL7
/// ORM^O01 for the broker (site MAINHOSP, UTF-8, ZDS Study UID, PV1-3.1 point of care that the station rules
/// turn into the station AE title) and as a dcmtk dump (ISO_IR 192) that dump2dcm turns into a wlmscpfs
/// worklist file. Times are local to America/Chicago in November (-0600), so the broker stores them unshifted.
/// </summary>
internal sealed record MwlDiffOrder(
    string Accession,
    string PatientId,
    string PatientName,
    string BirthDate,
    string Sex,
    string Modality,
    string StationAe,
    string PointOfCare,
    string Date,
    string Time,
    string SpsId,
    string RequestedProcedureId,
    string StudyUid,
    string ProcedureCode,
    string Description)
{
    /// <summary>The attributes the differential compares, as this order should come back.</summary>
    public MwlKeyRow Expected => new(Accession, PatientId, PatientName, Date, Time, Modality, StationAe, SpsId, StudyUid, RequestedProcedureId);

    // HL7 2.5.1 4.4 ORM^O01 (as the EHR sends it): PID-3 with the site's assigning authority, PV1-3 point of care,
    // ORC-7.4 / OBR-27.4 start, OBR-18/19/20 accession / requested procedure ID / SPS ID, OBR-24 modality, ZDS-1.
    public byte[] ToOrm(string controlId)
    {
        const string sent = "20261125080000-0600";
        var start = $"{Date}{Time}-0600";
        var obr = new string[28];
        Array.Fill(obr, "");
        obr[0] = "OBR";
        obr[1] = "1";
        obr[2] = $"PL{Accession}^EPC";
        obr[3] = $"{Accession}^EPC";
        obr[4] = $"{ProcedureCode}^{Description}^EAP";
        obr[7] = sent;
        obr[18] = Accession;
        obr[19] = RequestedProcedureId;
        obr[20] = SpsId;
        obr[24] = Modality;
        obr[27] = $"^^^{start}^^R";
        var text =
            $"MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|{sent}||ORM^O01|{controlId}|P|2.5.1|||AL|NE||UNICODE UTF-8\r" +
            $"PID|1||{PatientId}^^^EPI^MR||{PatientName}||{BirthDate}|{Sex}\r" +
            $"PV1|1|O|{PointOfCare}^^^MAINHOSP\r" +
            $"ORC|NW|PL{Accession}^EPC|{Accession}^EPC||SC||^^^{start}^^R||{sent}\r" +
            string.Join('|', obr) + "\r" +
            $"ZDS|{StudyUid}^EPIC^Application^DICOM\r";
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>
    /// The same item as a dcmtk text dump (dcmdump format, UTF-8): the Type 1 return keys of PS3.4 Table K.6-1
    /// that wlmscpfs checks before it serves a file (its --enable-file-reject default), the compared keys, and the
    /// station name and location the broker would derive.
    /// </summary>
    // DICOM PS3.4 K.6.1.2 (Table K.6-1); dcmtk dump2dcm input syntax: (gggg,eeee) VR [value], SQ items as (fffe,e000) ... (fffe,e00d).
    public string ToDump() => string.Join('\n',
        "(0008,0005) CS [ISO_IR 192]",
        $"(0008,0050) SH [{Accession}]",
        "(0008,0090) PN []",
        $"(0010,0010) PN [{PatientName}]",
        $"(0010,0020) LO [{PatientId}]",
        "(0010,0021) LO [EPI]",
        $"(0010,0030) DA [{BirthDate}]",
        $"(0010,0040) CS [{Sex}]",
        $"(0020,000d) UI [{StudyUid}]",
        $"(0032,1060) LO [{Description}]",
        "(0032,1064) SQ",
        "(fffe,e000) -",
        $"(0008,0100) SH [{ProcedureCode}]",
        "(0008,0102) SH [EAP]",
        $"(0008,0104) LO [{Description}]",
        "(fffe,e00d) -",
        "(fffe,e0dd) -",
        "(0040,0100) SQ",
        "(fffe,e000) -",
        $"(0008,0060) CS [{Modality}]",
        $"(0040,0001) AE [{StationAe}]",
        $"(0040,0002) DA [{Date}]",
        $"(0040,0003) TM [{Time}]",
        $"(0040,0007) LO [{Description}]",
        $"(0040,0009) SH [{SpsId}]",
        "(0040,0020) CS [SCHEDULED]",
        "(fffe,e00d) -",
        "(fffe,e0dd) -",
        $"(0040,1001) SH [{RequestedProcedureId}]",
        "(0040,1003) SH [ROUTINE]",
        "");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Accession} {PatientName} {Modality}@{StationAe} {Date} {Time}");
}

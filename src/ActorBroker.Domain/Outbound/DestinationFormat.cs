using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Outbound;

/// <summary>
/// How one destination (an EHR interface) wants its outbound messages written. The defaults fit
/// an Epic Radiant inbound interface: procedure status as ORM^O01 with ORC-1 SC, HL7 2.5.1,
/// original-mode acknowledgments (MSH-15/16 empty), report text as one OBX TX per line, the
/// viewer link as an OBX RP. Per-destination values (facility, namespaces, viewer URL) are site
/// configuration; <see cref="Problems"/> says what is wrong with a configuration before any
/// message is rendered with it.
/// </summary>
// HL7 2.5.1 2.15.9 MSH, 4.4.1 ORM^O01, 4.4.6 OMI^O23, 7.3.1 ORU^R01, 2A.65 RP, table 0191/0291
public sealed record DestinationFormat
{
    public const string OrmO01 = "ORM^O01";
    public const string OmiO23 = "OMI^O23";

    public static DestinationFormat Default { get; } = new();

    /// <summary>The status message: <see cref="OrmO01"/> or <see cref="OmiO23"/> (with IPC).</summary>
    public string StatusMessageType { get; init; } = OrmO01;

    /// <summary>MSH-3.</summary>
    public string SendingApplication { get; init; } = "ACTORBROKER";

    /// <summary>MSH-4.</summary>
    public string SendingFacility { get; init; } = "RAD";

    /// <summary>MSH-5.</summary>
    public string ReceivingApplication { get; init; } = "EPIC";

    /// <summary>MSH-6.</summary>
    public string ReceivingFacility { get; init; } = "";

    /// <summary>MSH-12. Before 2.4 MSH-9 has no third component (message structure), so none is written.</summary>
    public string Version { get; init; } = "2.5.1";

    /// <summary>MSH-11 (table 0103: P production, D debugging, T training).</summary>
    public string ProcessingId { get; init; } = "P";

    /// <summary>MSH-15; empty (with <see cref="ApplicationAckType"/> empty) asks for original-mode ACKs.</summary>
    public string AcceptAckType { get; init; } = "";

    /// <summary>MSH-16.</summary>
    public string ApplicationAckType { get; init; } = "";

    /// <summary>
    /// MSH-18 when the order arrived without one (<see cref="OutboundNotice.Hl7CharacterSet"/> ""):
    /// "" writes no MSH-18 and UTF-8 bytes (what the HL7 library reads an undeclared message as when
    /// it is valid UTF-8); "8859/1" for an EHR that sends undeclared Latin-1.
    /// </summary>
    public string DefaultCharacterSet { get; init; } = "";

    /// <summary>EI.2 of ORC-2/OBR-2 (Epic: "EPC"); "" writes the number alone.</summary>
    public string PlacerNamespace { get; init; } = "";

    /// <summary>EI.2 of ORC-3/OBR-3.</summary>
    public string FillerNamespace { get; init; } = "";

    /// <summary>PID-3 CX.5 identifier type code of the patient id.</summary>
    public string PatientIdTypeCode { get; init; } = "MR";

    /// <summary>Writes PV1|1|U (patient class unknown) for receivers that insist on a PV1; the notice carries no visit.</summary>
    public bool IncludePv1 { get; init; }

    /// <summary>Writes OBR-25 in status messages from ORC-5 (SC→S, IP→I, CM→I, DC/CA→X, A→A; table 0123).</summary>
    public bool StatusResultStatus { get; init; } = true;

    /// <summary>Writes ORC|RE before the OBR of an ORU^R01 (optional in the ORU_R01 structure).</summary>
    public bool IncludeResultOrc { get; init; } = true;

    /// <summary>"TX": one OBX per report line; "FT": one OBX, lines joined by \.br\.</summary>
    public string ReportTextValueType { get; init; } = "TX";

    /// <summary>OBX-3 of the report text; null uses the requested procedure code (OBR-4).</summary>
    public CodedEntry? ReportObservationId { get; init; }

    /// <summary>OBX-2 of the viewer link: "RP" (pointer^application^type^subtype), or "ST"/"TX" (the URL as text).</summary>
    public string ImageLinkValueType { get; init; } = "RP";

    /// <summary>OBX-3 of the viewer link.</summary>
    public CodedEntry ImageLinkObservationId { get; init; } = new("IMGLINK", "L", "Image link");

    /// <summary>RP.2 application id (HD namespace) of the viewer link.</summary>
    public string ImageLinkApplicationId { get; init; } = "PACS";

    /// <summary>RP.3 type of data (table 0191): IM image data.</summary>
    public string ImageLinkDataType { get; init; } = "IM";

    /// <summary>RP.4 subtype (table 0291): what the pointer returns, a web viewer page.</summary>
    public string ImageLinkSubtype { get; init; } = "HTML";

    /// <summary>
    /// The viewer URL with placeholders (see <see cref="ViewerLink"/>), e.g.
    /// <c>https://pacs.example.org/viewer?accession={accession}&amp;study={studyUid}</c>; "" sends no link.
    /// </summary>
    public string ViewerUrlTemplate { get; init; } = "";

    /// <summary>Everything wrong with this configuration, empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (StatusMessageType is not (OrmO01 or OmiO23))
        {
            problems.Add($"status message type '{StatusMessageType}' is not {OrmO01} or {OmiO23}");
        }

        if (ReportTextValueType is not ("TX" or "FT"))
        {
            problems.Add($"report text value type '{ReportTextValueType}' is not TX or FT");
        }

        if (ImageLinkValueType is not ("RP" or "ST" or "TX"))
        {
            problems.Add($"image link value type '{ImageLinkValueType}' is not RP, ST or TX");
        }

        if (ProcessingId is not ("P" or "D" or "T"))
        {
            problems.Add($"processing id '{ProcessingId}' is not P, D or T");
        }

        if (Version.Length == 0 || !Version.StartsWith("2.", StringComparison.Ordinal))
        {
            problems.Add($"HL7 version '{Version}' is not a 2.x version");
        }

        if (SendingApplication.Length == 0)
        {
            problems.Add("sending application (MSH-3) is empty");
        }

        if (ViewerUrlTemplate.Length > 0)
        {
            var unknown = ViewerLink.UnknownPlaceholders(ViewerUrlTemplate);
            if (unknown.Count > 0)
            {
                problems.Add($"viewer URL template has unknown placeholders {string.Join(", ", unknown.Select(p => "{" + p + "}"))} (known: {string.Join(", ", ViewerLink.Placeholders.Select(p => "{" + p + "}"))})");
            }
        }

        return problems;
    }
}

using System.Text;
using ActorBroker.Domain.Mapping;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Outbound;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Tests.Outbound;

public sealed class Hl7OutboundRendererTests
{
    private const string Pid = "PID|1||E1000001^^^EPI^MR||NÚÑEZ^JOSÉ^ANTONIO^^SR.||19700214|M";
    private const string Obr4 = "IMG3301^CT HEAD WO CONTRAST^EAP";

    private static readonly DestinationFormat WithViewer = DestinationFormat.Default with
    {
        ViewerUrlTemplate = "https://pacs.example.org/view?acc={accession}&study={studyUid}&pid={patientId}",
    };

    private static string Text(byte[] bytes, Encoding? encoding = null) => (encoding ?? Encoding.UTF8).GetString(bytes);

    private static string Lines(params string[] segments) => string.Join('\r', segments) + "\r";

    [Fact]
    public void Status_as_orm_o01_byte_for_byte()
    {
        var bytes = Hl7OutboundRenderer.Render(OutboundSamples.Status("IP"), DestinationFormat.Default, "OUT0001", OutboundSamples.Now);

        Assert.Equal(
            Lines(
                "MSH|^~\\&|ACTORBROKER|RAD|EPIC||20261128093502-0600||ORM^O01^ORM_O01|OUT0001|P|2.5.1||||||UNICODE UTF-8",
                Pid,
                "ORC|SC|PL20001|ACC20001||IP||||20261128093500-0600",
                "OBR|1|PL20001|ACC20001|" + Obr4 + "||||||||||||||ACC20001|RP20001|||20261128093500-0600||CT|I"),
            Text(bytes));
        Assert.Equal(bytes, Encoding.UTF8.GetBytes(Text(bytes))); // nothing but UTF-8
    }

    [Fact]
    public void Status_as_omi_o23_adds_the_ipc_with_accession_procedure_study_and_modality()
    {
        var format = DestinationFormat.Default with { StatusMessageType = DestinationFormat.OmiO23 };

        var bytes = Hl7OutboundRenderer.Render(OutboundSamples.Status("CM"), format, "OUT0002", OutboundSamples.Now);

        Assert.Equal(
            Lines(
                "MSH|^~\\&|ACTORBROKER|RAD|EPIC||20261128093502-0600||OMI^O23^OMI_O23|OUT0002|P|2.5.1||||||UNICODE UTF-8",
                Pid,
                "ORC|SC|PL20001|ACC20001||CM||||20261128093500-0600",
                "OBR|1|PL20001|ACC20001|" + Obr4 + "||||||||||||||ACC20001|RP20001|||20261128093500-0600||CT|I",
                "IPC|ACC20001|RP20001|" + OutboundSamples.StudyUid + "||CT"),
            Text(bytes));
    }

    [Fact]
    public void Destination_options_fill_the_header_namespaces_and_pv1()
    {
        var format = DestinationFormat.Default with
        {
            SendingApplication = "BROKER",
            SendingFacility = "IMG",
            ReceivingApplication = "RADIANT",
            ReceivingFacility = "MAINHOSP",
            ProcessingId = "T",
            AcceptAckType = "AL",
            ApplicationAckType = "NE",
            PlacerNamespace = "EPC",
            FillerNamespace = "EPC",
            PatientIdTypeCode = "",
            IncludePv1 = true,
            StatusResultStatus = false,
        };

        var text = Text(Hl7OutboundRenderer.Render(OutboundSamples.Status("DC"), format, "OUT0003", OutboundSamples.Now));

        Assert.Equal(
            Lines(
                "MSH|^~\\&|BROKER|IMG|RADIANT|MAINHOSP|20261128093502-0600||ORM^O01^ORM_O01|OUT0003|T|2.5.1|||AL|NE||UNICODE UTF-8",
                "PID|1||E1000001^^^EPI||NÚÑEZ^JOSÉ^ANTONIO^^SR.||19700214|M",
                "PV1|1|U",
                "ORC|SC|PL20001^EPC|ACC20001^EPC||DC||||20261128093500-0600",
                "OBR|1|PL20001^EPC|ACC20001^EPC|" + Obr4 + "||||||||||||||ACC20001|RP20001|||20261128093500-0600||CT"),
            text);
    }

    [Fact]
    public void Before_2_4_msh_9_has_no_message_structure()
    {
        var text = Text(Hl7OutboundRenderer.Render(OutboundSamples.Status(), DestinationFormat.Default with { Version = "2.3" }, "OUT0004", OutboundSamples.Now));

        Assert.StartsWith("MSH|^~\\&|ACTORBROKER|RAD|EPIC||20261128093502-0600||ORM^O01|OUT0004|P|2.3|", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_as_oru_r01_byte_for_byte_with_tx_lines_and_the_viewer_link()
    {
        var now = new DateTimeOffset(2026, 11, 28, 12, 0, 2, OutboundSamples.Chicago);

        var bytes = Hl7OutboundRenderer.Render(OutboundSamples.Result(), WithViewer, "OUT0005", now);

        Assert.Equal(
            Lines(
                "MSH|^~\\&|ACTORBROKER|RAD|EPIC||20261128120002-0600||ORU^R01^ORU_R01|OUT0005|P|2.5.1||||||UNICODE UTF-8",
                Pid,
                "ORC|RE|PL20001|ACC20001||CM||||20261128120000-0600",
                "OBR|1|PL20001|ACC20001|" + Obr4 + "|||20261128115500-0600|||||||||||ACC20001|RP20001|||20261128120000-0600||CT|F|||||||&GARCÍA&MARÍA",
                "OBX|1|TX|" + Obr4 + "|1|FINDINGS: No acute intracranial hemorrhage.||||||F|||20261128115500-0600",
                "OBX|2|TX|" + Obr4 + "|2|IMPRESSION: Normal non-contrast head CT.||||||F|||20261128115500-0600",
                "OBX|3|RP|IMGLINK^Image link^L||https://pacs.example.org/view?acc=ACC20001\\T\\study=" + OutboundSamples.StudyUid + "\\T\\pid=E1000001^PACS^IM^HTML||||||F"),
            Text(bytes));
    }

    [Fact]
    public void Result_round_trips_through_the_parser_with_delimiters_in_the_text_intact()
    {
        var lines = new[] { "Size 3|4 cm ^ stable & unchanged ~ see \\prior\\", "", "Zürich: ØRESUND ÅSE" };
        var notice = OutboundSamples.Result(OutboundSamples.Report("C", lines));

        var message = Hl7Message.Parse(Hl7OutboundRenderer.Render(notice, WithViewer, "OUT0006", OutboundSamples.Now));

        Assert.Equal("ORU", message.MessageType);
        Assert.Equal("R01", message.TriggerEvent);
        Assert.Equal("OUT0006", message.MessageControlId);
        var obr = new Obr(message.Find("OBR")!.Value);
        Assert.Equal("C", obr.ResultStatus);
        Assert.Equal("ACC20001", obr.PlacerField1);
        Assert.Equal("RP20001", obr.PlacerField2);
        Assert.Equal("GARCÍA", obr.Segment.Get(32, 1, 2));
        Assert.Equal("MARÍA", obr.Segment.Get(32, 1, 3));
        var obx = message.All("OBX").Select(s => new Obx(s)).ToList();
        // A blank line stays a line: an OBX with an empty OBX-5, read back as no value.
        Assert.Equal(lines, obx.Take(3).Select(o => o.Values.SingleOrDefault() ?? ""));
        Assert.All(obx, o => Assert.Equal("C", o.ResultStatus));
        var link = obx[3].Segment;
        Assert.Equal("RP", obx[3].ValueType);
        Assert.Equal($"https://pacs.example.org/view?acc=ACC20001&study={OutboundSamples.StudyUid}&pid=E1000001", link.Get(5, 1));
        Assert.Equal(["PACS", "IM", "HTML"], new[] { link.Get(5, 2), link.Get(5, 3), link.Get(5, 4) });
    }

    [Fact]
    public void A_url_with_every_delimiter_survives_the_rp_pointer()
    {
        var format = WithViewer with { ViewerUrlTemplate = "https://pacs/v?q=a^b~c\\d&e|f&acc={accession}" };

        var message = Hl7Message.Parse(Hl7OutboundRenderer.Render(OutboundSamples.Result(), format, "OUT0007", OutboundSamples.Now));
        var link = message.All("OBX").Last();

        Assert.Equal("https://pacs/v?q=a^b~c\\d&e|f&acc=ACC20001", link.Get(5, 1));
        Assert.Equal("PACS", link.Get(5, 2));
        Assert.Contains("a\\S\\b\\R\\c\\E\\d\\T\\e\\F\\f", link.GetRaw(5), StringComparison.Ordinal);
    }

    [Fact]
    public void Ft_destinations_get_one_obx_with_line_breaks_as_escapes()
    {
        var format = WithViewer with { ReportTextValueType = "FT", ImageLinkValueType = "ST" };
        var now = new DateTimeOffset(2026, 11, 28, 12, 0, 2, OutboundSamples.Chicago);

        var text = Text(Hl7OutboundRenderer.Render(OutboundSamples.Result(OutboundSamples.Report("P", "FINDINGS:", "No bleed.", "", "IMPRESSION: normal")), format, "OUT0008", now));
        var segments = text.Split('\r', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("OBX|1|FT|" + Obr4 + "|1|FINDINGS:\\.br\\No bleed.\\.br\\\\.br\\IMPRESSION: normal||||||P|||20261128115500-0600", segments[4]);
        Assert.Equal("OBX|2|ST|IMGLINK^Image link^L||https://pacs.example.org/view?acc=ACC20001\\T\\study=" + OutboundSamples.StudyUid + "\\T\\pid=E1000001||||||P", segments[5]);
        Assert.Equal(6, segments.Length);
        var obx = new Obx(Hl7Message.Parse(text).Find("OBX")!.Value);
        Assert.Equal("FINDINGS:\\.br\\No bleed.\\.br\\\\.br\\IMPRESSION: normal", Assert.Single(obx.Values)); // formatting escapes stay mark-up
    }

    [Fact]
    public void Without_a_viewer_template_there_is_no_link_and_options_drop_the_orc()
    {
        var format = DestinationFormat.Default with
        {
            IncludeResultOrc = false,
            ReportObservationId = new CodedEntry("18782-3", "LN", "Radiology Study observation"),
        };
        var report = OutboundSamples.Report() with { Interpreter = "", ObservedAt = null };

        var segments = Text(Hl7OutboundRenderer.Render(OutboundSamples.Result(report), format, "OUT0009", OutboundSamples.Now)).Split('\r', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["MSH", "PID", "OBR", "OBX", "OBX"], segments.Select(s => s[..3]));
        Assert.Equal("OBR|1|PL20001|ACC20001|" + Obr4 + "||||||||||||||ACC20001|RP20001|||20261128120000-0600||CT|F", segments[2]);
        Assert.Equal("OBX|1|TX|18782-3^Radiology Study observation^LN|1|FINDINGS: No acute intracranial hemorrhage.||||||F", segments[3]);
    }

    [Fact]
    public void Latin_1_orders_get_latin_1_bytes_with_the_accents_intact()
    {
        var patient = OutboundSamples.Patient("MÜLLER^JOÃO");
        var notice = OutboundSamples.Result(OutboundSamples.Report("F", "Lésion hépatique, Ø 12 mm."), charset: "8859/1") with { Patient = patient };

        var bytes = Hl7OutboundRenderer.Render(notice, DestinationFormat.Default, "OUT0010", OutboundSamples.Now);
        var message = Hl7Message.Parse(bytes);

        Assert.EndsWith("|2.5.1||||||8859/1", Text(bytes, Encoding.Latin1).Split('\r')[0], StringComparison.Ordinal);
        Assert.Equal(Encoding.Latin1, message.TextEncoding);
        Assert.Contains((byte)0xDC, bytes); // Ü as one Latin-1 byte
        Assert.Equal(-1, bytes.AsSpan().IndexOf("Ã"u8)); // and no UTF-8 sequence anywhere
        Assert.Equal(bytes, Encoding.Latin1.GetBytes(Text(bytes, Encoding.Latin1)));
        Assert.Equal("MÜLLER", message.Find("PID")!.Value.Get(5, 1));
        Assert.Equal("JOÃO", message.Find("PID")!.Value.Get(5, 2));
        Assert.Equal("Lésion hépatique, Ø 12 mm.", new Obx(message.Find("OBX")!.Value).Values[0]);
    }

    [Fact]
    public void Utf_8_orders_get_utf_8_bytes_with_the_accents_intact()
    {
        var bytes = Hl7OutboundRenderer.Render(OutboundSamples.Status(), DestinationFormat.Default, "OUT0011", OutboundSamples.Now);
        var message = Hl7Message.Parse(bytes);

        Assert.NotEqual(-1, bytes.AsSpan().IndexOf("Ñ"u8)); // C3 91
        Assert.Equal("UNICODE UTF-8", message.CharacterSet);
        Assert.Equal("NÚÑEZ", message.Find("PID")!.Value.Get(5, 1));
        Assert.Equal("JOSÉ", message.Find("PID")!.Value.Get(5, 2));
    }

    [Fact]
    public void A_character_latin_1_cannot_carry_is_written_as_its_closest_latin_1_letter()
    {
        var notice = OutboundSamples.Status(charset: "8859/1", patient: OutboundSamples.Patient("WAŁĘSA^LECH"));

        var message = Hl7Message.Parse(Hl7OutboundRenderer.Render(notice, DestinationFormat.Default, "OUT0012", OutboundSamples.Now));

        // The encoder's best fit: better a readable name than a '?' in it.
        Assert.Equal("WALESA", message.Find("PID")!.Value.Get(5, 1));
    }

    [Fact]
    public void Other_table_0211_sets_encode_with_their_code_page()
    {
        var notice = OutboundSamples.Status(charset: "8859/2", patient: OutboundSamples.Patient("WAŁĘSA^LECH"));

        var bytes = Hl7OutboundRenderer.Render(notice, DestinationFormat.Default, "OUT0013", OutboundSamples.Now);

        Assert.Contains((byte)0xA3, bytes); // Ł in ISO 8859-2
        Assert.Equal("WAŁĘSA", Hl7Message.Parse(bytes).Find("PID")!.Value.Get(5, 1));
    }

    [Theory]
    [InlineData("", "", null, "utf-8")]
    [InlineData("", "8859/1", "8859/1", "iso-8859-1")]
    [InlineData("UNICODE UTF-8", "8859/1", "UNICODE UTF-8", "utf-8")]
    [InlineData("KLINGON", "", "UNICODE UTF-8", "utf-8")]
    public void Msh_18_is_the_orders_else_the_destinations_default_and_always_describes_the_bytes(string noticeCharset, string defaultCharset, string? expectedMsh18, string expectedEncoding)
    {
        var notice = OutboundSamples.Status(charset: noticeCharset);

        var message = Hl7Message.Parse(Hl7OutboundRenderer.Render(notice, DestinationFormat.Default with { DefaultCharacterSet = defaultCharset }, "OUT0014", OutboundSamples.Now));

        Assert.Equal(expectedMsh18, message.CharacterSet);
        Assert.Equal(expectedEncoding, message.TextEncoding.WebName);
        Assert.Equal("NÚÑEZ", message.Find("PID")!.Value.Get(5, 1));
    }

    [Fact]
    public void Values_with_delimiters_are_escaped_in_every_field()
    {
        var notice = OutboundSamples.Status() with
        {
            PlacerOrderNumber = "PL|1",
            RequestedProcedure = new RequestedProcedure("RP&1", "CT W&WO ^ HEAD", null),
            Patient = OutboundSamples.Patient("O'BRIEN~SMITH^SEÁN"),
        };

        var bytes = Hl7OutboundRenderer.Render(notice, DestinationFormat.Default, "OUT0015", OutboundSamples.Now);
        var text = Text(bytes);
        var message = Hl7Message.Parse(bytes);

        Assert.Contains("ORC|SC|PL\\F\\1|", text, StringComparison.Ordinal);
        Assert.Contains("|^CT W\\T\\WO \\S\\ HEAD|", text, StringComparison.Ordinal);
        Assert.Equal("PL|1", new Orc(message.Find("ORC")!.Value).PlacerOrderNumber.Id);
        Assert.Equal("CT W&WO ^ HEAD", new Obr(message.Find("OBR")!.Value).UniversalServiceId.Text);
        Assert.Equal("RP&1", new Obr(message.Find("OBR")!.Value).PlacerField2);
        Assert.Equal("O'BRIEN~SMITH", message.Find("PID")!.Value.Get(5, 1));
    }

    [Fact]
    public void The_order_mapper_reads_a_rendered_status_back_as_the_same_order_and_status()
    {
        // The broker's own inbound side is the strictest reader we have of "mirrors the inbound fields".
        var format = DestinationFormat.Default with { SendingFacility = "MAINHOSP" };

        foreach (var status in new[] { "IP", "CM" })
        {
            foreach (var type in new[] { DestinationFormat.OrmO01, DestinationFormat.OmiO23 })
            {
                var bytes = Hl7OutboundRenderer.Render(OutboundSamples.Status(status), format with { StatusMessageType = type }, "OUT0016", OutboundSamples.Now);

                var result = Hl7OrderMapper.Map(Hl7Message.Parse(bytes), TestSites.Directory, OutboundSamples.Now);

                Assert.True(result.IsSuccess, result.Error?.ToString());
                var command = Assert.IsType<ChangeOrderStatus>(Assert.Single(result.Commands));
                Assert.Equal(new OrderKey("MAINHOSP", "ACC20001"), command.Key);
                Assert.Equal(status, command.OrderStatus);
                Assert.Equal("SC", command.OrderControl);
                Assert.Equal("OUT0016", command.Message.MessageControlId);
            }
        }
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var first = Hl7OutboundRenderer.Render(OutboundSamples.Result(), WithViewer, "OUT0017", OutboundSamples.Now);
        var second = Hl7OutboundRenderer.Render(OutboundSamples.Result(), WithViewer, "OUT0017", OutboundSamples.Now);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Refuses_what_it_cannot_render()
    {
        var noReport = OutboundSamples.Status() with { Kind = OutboundNotice.ResultKind };
        var badKind = OutboundSamples.Status() with { Kind = "billing" };
        var badFormat = DestinationFormat.Default with { StatusMessageType = "ADT^A08" };

        Assert.Contains("carries no report", Assert.Throws<ArgumentException>(() => Hl7OutboundRenderer.Render(noReport, DestinationFormat.Default, "X1", OutboundSamples.Now)).Message, StringComparison.Ordinal);
        Assert.Contains("'billing'", Assert.Throws<ArgumentException>(() => Hl7OutboundRenderer.Render(badKind, DestinationFormat.Default, "X1", OutboundSamples.Now)).Message, StringComparison.Ordinal);
        Assert.Contains("ADT^A08", Assert.Throws<ArgumentException>(() => Hl7OutboundRenderer.Render(OutboundSamples.Status(), badFormat, "X1", OutboundSamples.Now)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Hl7OutboundRenderer.Render(OutboundSamples.Status(), DestinationFormat.Default, " ", OutboundSamples.Now));
    }

    [Theory]
    [InlineData("NÚÑEZ^JOSÉ^ANTONIO^SR.", new[] { "NÚÑEZ", "JOSÉ", "ANTONIO", "", "SR." })]
    [InlineData("DOE^JOHN^Q^DR^JR", new[] { "DOE", "JOHN", "Q", "JR", "DR" })]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう", new[] { "Yamada", "Tarou", "", "", "" })]
    [InlineData("MADONNA", new[] { "MADONNA", "", "", "", "" })]
    [InlineData("", new[] { "", "", "", "", "" })]
    public void Dicom_pn_maps_to_xpn_with_prefix_and_suffix_swapped(string pn, string[] xpn) =>
        Assert.Equal(xpn, Hl7OutboundRenderer.XpnFromDicomPn(pn));

    [Theory]
    [InlineData("SC", "S")]
    [InlineData("IP", "I")]
    [InlineData("CM", "I")]
    [InlineData("DC", "X")]
    [InlineData("CA", "X")]
    [InlineData("A", "A")]
    [InlineData("ip", "I")]
    [InlineData("HD", "")]
    [InlineData("", "")]
    public void Status_messages_carry_a_table_0123_result_status_for_their_order_status(string orderStatus, string resultStatus) =>
        Assert.Equal(resultStatus, Hl7OutboundRenderer.ResultStatusForOrderStatus(orderStatus));
}

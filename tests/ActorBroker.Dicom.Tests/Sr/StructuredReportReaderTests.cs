using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Sr;
using static ActorBroker.Dicom.Tests.Sr.SrTestData;

namespace ActorBroker.Dicom.Tests.Sr;

public sealed class StructuredReportReaderTests
{
    private static readonly DicomCharacterSet Utf8 = DicomCharacterSet.Utf8;

    // --- the peer's SR (make-sr.sh) ---

    [Fact]
    public void The_make_sr_document_reads_to_its_identity_order_reference_flags_and_two_lines()
    {
        var doc = StructuredReportReader.Read(MakeSr());

        Assert.Equal(SrSopClasses.BasicText, doc.SopClassUid);
        Assert.Equal(SopUid, doc.SopInstanceUid);
        Assert.Equal(StudyUid, doc.StudyInstanceUid);
        Assert.Equal(SeriesUid, doc.SeriesInstanceUid);
        Assert.Equal(Accession, doc.AccessionNumber);
        Assert.Equal(PatientId, doc.PatientId);
        Assert.Equal("Núñez^José", doc.PatientName);
        Assert.Equal("ISO_IR 192", doc.SpecificCharacterSet);
        Assert.Equal("COMPLETE", doc.CompletionFlag);
        Assert.Equal("UNVERIFIED", doc.VerificationFlag);
        Assert.True(doc.IsComplete);
        Assert.False(doc.IsVerified);
        Assert.Equal("", doc.VerifyingObserverName);
        Assert.Equal("Diagnostic Imaging Report", doc.DocumentTitle);
        Assert.Equal(new DateTime(2026, 11, 28, 10, 15, 0), doc.ContentDateTime);
        Assert.True(doc.HasContentTime);
        Assert.Null(doc.TimezoneOffsetFromUtc);
        Assert.Empty(doc.PredecessorDocuments);
        var request = Assert.Single(doc.ReferencedRequests);
        Assert.Equal(new SrRequest(Accession, StudyUid, "ORD00000512", Accession, "RP00000512", "CT CHEST WITH CONTRAST"), request);
        Assert.Equal([Finding, Conclusion], doc.Lines);
    }

    [Fact]
    public void The_tree_keeps_every_item_with_its_concept_and_relationship()
    {
        var root = StructuredReportReader.Read(MakeSr()).Root;

        Assert.Equal("CONTAINER", root.ValueType);
        Assert.Equal(new SrCode("18748-4", "LN", "Diagnostic Imaging Report"), root.ConceptName);
        Assert.Collection(
            root.Children,
            finding =>
            {
                Assert.Equal(("CONTAINS", "TEXT", Finding), (finding.RelationshipType, finding.ValueType, finding.Value));
                Assert.Equal(new SrCode("121071", "DCM", "Finding"), finding.ConceptName);
            },
            conclusion => Assert.Equal(("Conclusion", Conclusion), (conclusion.Concept, conclusion.Value)));
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2")]
    [InlineData("1.2.840.10008.1.2.1")]
    public void The_make_sr_document_survives_encoding_in_either_little_endian_syntax(string syntaxUid)
    {
        var syntax = DicomTransferSyntax.Lookup(syntaxUid)!;
        var bytes = DicomDatasetWriter.Write(MakeSr(), syntax);

        var doc = StructuredReportReader.Read(DicomDatasetReader.Read(bytes, syntax));

        Assert.Equal([Finding, Conclusion], doc.Lines);
        Assert.Equal("Núñez^José", doc.PatientName);
        Assert.Equal("ORD00000512", Assert.Single(doc.ReferencedRequests).PlacerOrderNumber);
    }

    [Fact]
    public void Other_arguments_of_make_sr_flow_through()
    {
        var doc = StructuredReportReader.Read(MakeSr(accession: "ACC77", finding: "Línea 1\r\nLínea 2", conclusion: "Ø"));

        Assert.Equal("ACC77", doc.AccessionNumber);
        Assert.Equal("ORD77", doc.ReferencedRequests[0].PlacerOrderNumber);
        Assert.Equal(["Línea 1", "Línea 2", "Ø"], doc.Lines);
    }

    // --- content tree to text ---

    [Fact]
    public void Containers_become_headings_and_nesting_keeps_document_order()
    {
        var doc = StructuredReportReader.Read(Document(
        [
            Container(Utf8, "121064", "Current Procedure Descriptions", Text(Utf8, "CONTAINS", "121065", "Procedure Description", "CT chest with contrast.")),
            Container(
                Utf8,
                "121070",
                "Findings",
                Text(Utf8, "CONTAINS", "121071", "Finding", "Lungs clear."),
                Container(Utf8, "T-D3000", "Heart", Text(Utf8, "CONTAINS", "121071", "Finding", "Normal size.")),
                Text(Utf8, "CONTAINS", "121071", "Finding", "No effusion.")),
            Container(Utf8, "121072", "Impressions", Text(Utf8, "CONTAINS", "121073", "Impression", "Normal study.")),
        ]));

        Assert.Equal(
            [
                "Current Procedure Descriptions:",
                "CT chest with contrast.",
                "Findings:",
                "Lungs clear.",
                "Heart:",
                "Normal size.",
                "No effusion.",
                "Impressions:",
                "Normal study.",
            ],
            doc.Lines);
    }

    [Fact]
    public void A_container_with_nothing_readable_under_it_gives_no_heading()
    {
        var doc = StructuredReportReader.Read(Document(
        [
            Container(Utf8, "111028", "Image Library", Image(Utf8, "2.25.5")),
            Container(Utf8, "121070", "Findings"),
            Text(Utf8, "CONTAINS", "121071", "Finding", "Text."),
        ]));

        Assert.Equal(["Text."], doc.Lines);
    }

    [Fact]
    public void A_container_without_a_concept_name_adds_its_content_without_heading()
    {
        var unnamed = Item(Utf8, "CONTAINS", "CONTAINER", "", "").SetSequence(DicomTags.ContentSequence, [Text(Utf8, "CONTAINS", "121071", "Finding", "Inside.")]);

        Assert.Equal(["Inside."], StructuredReportReader.Read(Document([unnamed])).Lines);
    }

    [Fact]
    public void Text_splits_on_CR_LF_CRLF_keeps_inner_blank_lines_and_drops_outer_ones_and_trailing_spaces()
    {
        var doc = StructuredReportReader.Read(Document([Text(Utf8, "CONTAINS", "121071", "Finding", "\r\n  First  \r\nSecond\rThird\n\nFifth   \r\n\r\n")]));

        Assert.Equal(["  First", "Second", "Third", "", "Fifth"], doc.Lines);
    }

    [Fact]
    public void Code_num_date_time_datetime_pname_and_uidref_items_are_concept_colon_value()
    {
        var doc = StructuredReportReader.Read(Document(
        [
            CodeItem(Utf8, "CONTAINS", "Finding Site", "39607008", "SCT", "Lung structure"),
            Num(Utf8, "Diameter", "12.5", "mm", "millimeter"),
            Num(Utf8, "Nodule count", "3", "1", "no units"),
            Num(Utf8, "Volume", "7", "", ""),
            Num(Utf8, "Not measured", "", "mm", "millimeter"),
            Item(Utf8, "CONTAINS", "DATE", "111060", "Study Date").Set(DicomTags.Date, DicomVR.DA, "20261128"),
            Item(Utf8, "CONTAINS", "TIME", "111061", "Study Time").Set(DicomTags.Time, DicomVR.TM, "0930"),
            Item(Utf8, "CONTAINS", "TIME", "111061", "Study Time").Set(DicomTags.Time, DicomVR.TM, "093015.123"),
            Item(Utf8, "CONTAINS", "DATETIME", "111526", "DateTime Started").Set(DicomTags.DateTime, DicomVR.DT, "20261128093015+0100"),
            Item(Utf8, "CONTAINS", "DATETIME", "111526", "DateTime Started").Set(DicomTags.DateTime, DicomVR.DT, "20261128"),
            Item(Utf8, "CONTAINS", "DATE", "111060", "Odd Date").Set(DicomTags.Date, DicomVR.DA, "2026"),
            Item(Utf8, "CONTAINS", "PNAME", "121008", "Radiologist").Set(DicomTags.PersonName, DicomVR.PN, "García^María"),
            Item(Utf8, "CONTAINS", "UIDREF", "121018", "Procedure Study Instance UID").Set(DicomTags.UID, DicomVR.UI, "1.2.3.4"),
        ]));

        Assert.Equal(
            [
                "Finding Site: Lung structure",
                "Diameter: 12.5 millimeter",
                "Nodule count: 3",
                "Volume: 7",
                "Study Date: 2026-11-28",
                "Study Time: 09:30",
                "Study Time: 09:30:15",
                "DateTime Started: 2026-11-28 09:30:15 +0100",
                "DateTime Started: 2026-11-28",
                "Odd Date: 2026",
                "Radiologist: García^María",
                "Procedure Study Instance UID: 1.2.3.4",
            ],
            doc.Lines);
        var diameter = doc.Root.Children[1];
        Assert.Equal(("NUM", "12.5", new SrCode("mm", "UCUM", "millimeter")), (diameter.ValueType, diameter.Value, diameter.Code));
    }

    [Fact]
    public void Observation_context_concept_modifiers_references_and_images_are_not_text_but_stay_in_the_tree()
    {
        var byReference = new DicomDataset(Utf8)
            .Set(DicomTags.RelationshipType, DicomVR.CS, "INFERRED FROM")
            .SetUInt32(DicomTags.ReferencedContentItemIdentifier, 1);
        var doc = StructuredReportReader.Read(Document(
        [
            CodeItem(Utf8, "HAS CONCEPT MOD", "Language of Content Item and Descendants", "eng", "RFC5646", "English"),
            CodeItem(Utf8, "HAS OBS CONTEXT", "Observer Type", "121006", "DCM", "Person"),
            Item(Utf8, "HAS OBS CONTEXT", "PNAME", "121008", "Person Observer Name").Set(DicomTags.PersonName, DicomVR.PN, "House^Gregory"),
            Item(Utf8, "HAS ACQ CONTEXT", "TEXT", "111", "Acquisition note").Set(DicomTags.TextValue, DicomVR.UT, "not a finding"),
            Text(Utf8, "CONTAINS", "121071", "Finding", "Nodule.")
                .SetSequence(DicomTags.ContentSequence, [Image(Utf8, "2.25.9"), byReference, Num(Utf8, "Diameter", "4", "mm", "mm")]),
        ]));

        Assert.Equal(["Nodule.", "Diameter: 4 mm"], doc.Lines);
        Assert.Equal(5, doc.Root.Children.Count);
        var nodule = doc.Root.Children[4];
        Assert.Equal(("IMAGE", "2.25.9"), (nodule.Children[0].ValueType, nodule.Children[0].Value));
        Assert.Equal(("INFERRED FROM", "", "1"), (nodule.Children[1].RelationshipType, nodule.Children[1].ValueType, nodule.Children[1].ReferencedContentItem));
        Assert.Equal("House^Gregory", doc.Root.DescendantsAndSelf().Single(i => i.ValueType == "PNAME").Value);
    }

    [Fact]
    public void A_code_without_code_value_uses_the_long_code_value()
    {
        var code = new DicomDataset(Utf8)
            .Set(DicomTags.LongCodeValue, DicomVR.UC, "A-VERY-LONG-CODE-VALUE-OVER-16")
            .Set(DicomTags.CodingSchemeDesignator, DicomVR.SH, "99X")
            .Set(DicomTags.CodeMeaning, DicomVR.LO, "");
        var item = Item(Utf8, "CONTAINS", "CODE", "X", "Result").SetSequence(DicomTags.ConceptCodeSequence, [code]);

        var doc = StructuredReportReader.Read(Document([item]));

        Assert.Equal(["Result: A-VERY-LONG-CODE-VALUE-OVER-16"], doc.Lines);
    }

    // --- character sets ---

    [Fact]
    public void Latin1_text_is_decoded_through_ISO_IR_100()
    {
        var latin1 = DicomCharacterSet.Latin1;
        var ds = Document(
            [Container(latin1, "121070", "Befund", Text(latin1, "CONTAINS", "121071", "Finding", "Größe normal.\r\nKein Erguß; señal normal."))],
            charset: "ISO_IR 100");
        ds.Set(DicomTags.PatientName, DicomVR.PN, "Müller^Jürgen");
        var text = ds.GetSequence(DicomTags.ContentSequence)[0].GetSequence(DicomTags.ContentSequence)[0][DicomTags.TextValue]!;
        Assert.Equal(0xF6, text.Value.Span[2]); // "Gr" then "ö" as one Latin-1 byte: the text really is ISO 8859-1

        var doc = StructuredReportReader.Read(DicomDatasetReader.Read(DicomDatasetWriter.Write(ds, DicomTransferSyntax.ExplicitVRLittleEndian), DicomTransferSyntax.ExplicitVRLittleEndian));

        Assert.Equal("ISO_IR 100", doc.SpecificCharacterSet);
        Assert.Equal("Müller^Jürgen", doc.PatientName);
        Assert.Equal(["Befund:", "Größe normal.", "Kein Erguß; señal normal."], doc.Lines);
    }

    [Fact]
    public void Utf8_text_beyond_Latin1_is_decoded_through_ISO_IR_192()
    {
        var ds = Document([Text(Utf8, "CONTAINS", "121071", "Finding", "Østergård: 结节 ≤ 3 mm 😀")]);

        var doc = StructuredReportReader.Read(DicomDatasetReader.Read(DicomDatasetWriter.Write(ds, DicomTransferSyntax.ImplicitVRLittleEndian), DicomTransferSyntax.ImplicitVRLittleEndian));

        Assert.Equal(["Østergård: 结节 ≤ 3 mm 😀"], doc.Lines);
    }

    // --- document attributes ---

    [Fact]
    public void Verifying_observer_content_time_offset_and_predecessors_are_read()
    {
        var ds = Document([Text(Utf8, "CONTAINS", "121071", "Finding", "x")], completion: "complete", verification: "verified")
            .Set(DicomTags.ContentDate, DicomVR.DA, "20261128")
            .Set(DicomTags.ContentTime, DicomVR.TM, "143005.5")
            .Set(DicomTags.TimezoneOffsetFromUTC, DicomVR.SH, "-0600")
            .SetSequence(DicomTags.VerifyingObserverSequence,
            [
                new DicomDataset(Utf8)
                    .Set(DicomTags.VerifyingObserverName, DicomVR.PN, "García^María")
                    .Set(DicomTags.VerifyingOrganization, DicomVR.LO, "MAINHOSP")
                    .Set(DicomTags.VerificationDateTime, DicomVR.DT, "20261128143000"),
                new DicomDataset(Utf8).Set(DicomTags.VerifyingObserverName, DicomVR.PN, "Second^Reader"),
            ])
            .SetSequence(DicomTags.PredecessorDocumentsSequence,
            [
                new DicomDataset(Utf8)
                    .Set(DicomTags.StudyInstanceUID, DicomVR.UI, StudyUid)
                    .SetSequence(DicomTags.ReferencedSeriesSequence,
                    [
                        new DicomDataset(Utf8)
                            .Set(DicomTags.SeriesInstanceUID, DicomVR.UI, SeriesUid)
                            .SetSequence(DicomTags.ReferencedSOPSequence,
                            [
                                new DicomDataset(Utf8)
                                    .Set(DicomTags.ReferencedSOPClassUID, DicomVR.UI, SrSopClasses.Comprehensive)
                                    .Set(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, "2.25.7"),
                            ]),
                    ]),
            ]);

        var doc = StructuredReportReader.Read(ds);

        Assert.True(doc.IsComplete);
        Assert.True(doc.IsVerified);
        Assert.Equal("García^María", doc.VerifyingObserverName);
        Assert.Equal("20261128143000", doc.VerificationDateTime);
        Assert.Equal(new DateTime(2026, 11, 28, 14, 30, 5, 500), doc.ContentDateTime);
        Assert.Equal(TimeSpan.FromHours(-6), doc.TimezoneOffsetFromUtc);
        Assert.Equal(["2.25.7"], doc.PredecessorDocuments);
    }

    [Theory]
    [InlineData("20261128", "", true, false)]
    [InlineData("20261128", "99", true, false)]
    [InlineData("", "101500", false, false)]
    [InlineData("2026-11-28", "101500", false, false)]
    public void Content_date_without_a_valid_time_is_midnight_and_without_a_valid_date_is_absent(string date, string time, bool hasDate, bool hasTime)
    {
        var ds = Document([Text(Utf8, "CONTAINS", "121071", "Finding", "x")]).Set(DicomTags.ContentDate, DicomVR.DA, date).Set(DicomTags.ContentTime, DicomVR.TM, time);

        var doc = StructuredReportReader.Read(ds);

        Assert.Equal(hasDate ? new DateTime(2026, 11, 28) : null, doc.ContentDateTime);
        Assert.Equal(hasTime, doc.HasContentTime);
    }

    [Fact]
    public void Several_referenced_requests_are_kept_in_order()
    {
        var ds = Document([Text(Utf8, "CONTAINS", "121071", "Finding", "x")]).SetSequence(DicomTags.ReferencedRequestSequence,
        [
            new DicomDataset(Utf8).Set(DicomTags.AccessionNumber, DicomVR.SH, "A1").Set(DicomTags.PlacerOrderNumberImagingServiceRequest, DicomVR.LO, "P1"),
            new DicomDataset(Utf8).Set(DicomTags.AccessionNumber, DicomVR.SH, "A2").Set(DicomTags.FillerOrderNumberImagingServiceRequest, DicomVR.LO, "F2"),
        ]);

        var doc = StructuredReportReader.Read(ds);

        Assert.Equal(
            [new SrRequest("A1", "", "P1", "", "", ""), new SrRequest("A2", "", "", "F2", "", "")],
            doc.ReferencedRequests);
    }

    // --- SOP classes and errors ---

    [Theory]
    [InlineData(SrSopClasses.BasicText)]
    [InlineData(SrSopClasses.Enhanced)]
    [InlineData(SrSopClasses.Comprehensive)]
    public void The_three_SR_classes_are_read(string sopClass)
    {
        var doc = StructuredReportReader.Read(Document([Text(Utf8, "CONTAINS", "121071", "Finding", "ok")], sopClass));

        Assert.Equal(sopClass, doc.SopClassUid);
        Assert.Equal(["ok"], doc.Lines);
        Assert.True(SrSopClasses.IsSupported(sopClass));
        Assert.Contains(sopClass, SrSopClasses.All);
    }

    [Theory]
    [InlineData("1.2.840.10008.5.1.4.1.1.2", "'1.2.840.10008.5.1.4.1.1.2' is not a report")]
    [InlineData("1.2.840.10008.5.1.4.1.1.88.59", "'1.2.840.10008.5.1.4.1.1.88.59' is not a report")]
    [InlineData("1.2.840.10008.5.1.4.1.1.88.67", "'1.2.840.10008.5.1.4.1.1.88.67' is not a report")]
    public void Other_SOP_classes_are_refused_naming_the_class(string sopClass, string expected)
    {
        var e = Assert.Throws<SrFormatException>(() => StructuredReportReader.Read(Document([Text(Utf8, "CONTAINS", "121071", "Finding", "ok")], sopClass)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("(0008,0016)", e.Message, StringComparison.Ordinal);
        Assert.False(SrSopClasses.IsSupported(sopClass));
    }

    public static TheoryData<string, Func<DicomDataset, DicomDataset>, string> Broken => new()
    {
        { "no SOP class", ds => { ds.Remove(DicomTags.SOPClassUID); return ds; }, "SOP Class UID (0008,0016) is missing" },
        { "no SOP instance", ds => { ds.Remove(DicomTags.SOPInstanceUID); return ds; }, "SOP Instance UID (0008,0018) is missing" },
        { "no study", ds => { ds.Remove(DicomTags.StudyInstanceUID); return ds; }, "Study Instance UID (0020,000D) is missing" },
        { "root TEXT", ds => ds.Set(DicomTags.ValueType, DicomVR.CS, "TEXT"), "document root is 'TEXT'" },
        { "root without value type", ds => { ds.Remove(DicomTags.ValueType); return ds; }, "document root is missing" },
        { "no content", ds => { ds.Remove(DicomTags.ContentSequence); return ds; }, "has no Content Sequence (0040,A730)" },
        { "empty content", ds => ds.SetSequence(DicomTags.ContentSequence, []), "has no Content Sequence (0040,A730)" },
        { "only an image", ds => ds.SetSequence(DicomTags.ContentSequence, [Image(DicomCharacterSet.Utf8, "2.25.1")]), "has no text" },
        {
            "only observer context",
            ds => ds.SetSequence(DicomTags.ContentSequence, [CodeItem(DicomCharacterSet.Utf8, "HAS OBS CONTEXT", "Observer Type", "121006", "DCM", "Person")]),
            "has no text"
        },
        { "empty text", ds => ds.SetSequence(DicomTags.ContentSequence, [Text(DicomCharacterSet.Utf8, "CONTAINS", "121071", "Finding", " \r\n ")]), "has no text" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Unreadable_documents_throw_SrFormatException_naming_what_is_wrong(string what, Func<DicomDataset, DicomDataset> breakIt, string expected)
    {
        var ds = breakIt(Document([Text(Utf8, "CONTAINS", "121071", "Finding", "ok")]));

        var e = Assert.Throws<SrFormatException>(() => StructuredReportReader.Read(ds));

        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {e.Message}");
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused()
    {
        var item = Text(Utf8, "CONTAINS", "121071", "Finding", "deep");
        for (var i = 0; i <= StructuredReportReader.MaxDepth; i++)
        {
            item = Container(Utf8, "C", "Level", item);
        }

        var e = Assert.Throws<SrFormatException>(() => StructuredReportReader.Read(Document([item])));

        Assert.Contains("deeper than 64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var item = Text(Utf8, "CONTAINS", "121071", "Finding", "deep");
        for (var i = 0; i < StructuredReportReader.MaxDepth - 1; i++)
        {
            item = Container(Utf8, "C", "L", item);
        }

        var doc = StructuredReportReader.Read(Document([item]));

        Assert.Equal("deep", doc.Lines[^1]);
        Assert.Equal(StructuredReportReader.MaxDepth, doc.Lines.Count);
    }
}

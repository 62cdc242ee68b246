using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mwl;
using static ActorBroker.Dicom.Tests.Mwl.MwlTestData;

namespace ActorBroker.Dicom.Tests.Mwl;

/// <summary>
/// The cached response path (encoded values kept per entry and character set, a plan per query) against the
/// uncached builder, byte for byte in both transfer syntaxes, over random entries, identifiers and character sets.
/// </summary>
public sealed class MwlResponseCacheTests
{
    private static readonly string[] CharacterSets =
        ["ISO_IR 192", "ISO_IR 100", "", "ISO_IR 6", "ISO 2022 IR 6", "ISO_IR 144", "\\ISO 2022 IR 87", "GB18030", "ISO_IR 100\\FOO"];

    private static readonly string[] Names =
        ["NÚÑEZ^JOSÉ", "Müller^Jürgen", "Øster^Åsa", "Иванов^Иван", "Yamada^Tarou=山田^太郎=やまだ^たろう", "王^小東", "SMITH^JOHN", "", "Doe^John^^", "A\\B"];

    private static readonly DicomTag[] TopKeys =
    [
        DicomTags.AccessionNumber, DicomTags.ReferringPhysicianName, DicomTags.PatientName, DicomTags.PatientID, DicomTags.IssuerOfPatientID,
        DicomTags.PatientBirthDate, DicomTags.PatientSex, DicomTags.StudyInstanceUID, DicomTags.RequestingPhysician,
        DicomTags.RequestedProcedureDescription, DicomTags.AdmissionID, DicomTags.RequestedProcedureID, DicomTags.ReasonForTheRequestedProcedure,
        DicomTags.RequestedProcedurePriority, DicomTags.RequestedProcedureComments, DicomTags.PlacerOrderNumberImagingServiceRequest,
        DicomTags.FillerOrderNumberImagingServiceRequest, DicomTags.TimezoneOffsetFromUTC, DicomTags.PatientAge, DicomTags.OtherPatientIDsSequence,
        DicomTags.PatientWeight,
    ];

    private static readonly DicomTag[] SpsKeys =
    [
        DicomTags.Modality, DicomTags.ScheduledStationAETitle, DicomTags.ScheduledProcedureStepStartDate, DicomTags.ScheduledProcedureStepStartTime,
        DicomTags.ScheduledPerformingPhysicianName, DicomTags.ScheduledProcedureStepDescription, DicomTags.ScheduledProcedureStepID,
        DicomTags.ScheduledStationName, DicomTags.ScheduledProcedureStepLocation, DicomTags.ScheduledProcedureStepStatus, DicomTags.StudyDate,
    ];

    private static readonly DicomTag[] CodeKeys = [DicomTags.CodeValue, DicomTags.CodingSchemeDesignator, DicomTags.CodeMeaning, DicomTags.CodingSchemeVersion];

    [Fact]
    public void Cached_responses_are_byte_identical_to_uncached_ones()
    {
        var random = new Random(20261128);
        for (var n = 0; n < 400; n++)
        {
            var (entry, query, charset, expected) = RandomCase(random);
            // Twice: the first learns the entry's encodings, the second only reads them.
            AssertSame(expected, MwlResponseBuilder.Build(query, entry, charset), $"#{n} first ({charset})");
            AssertSame(expected, MwlResponseBuilder.Build(query, entry, charset), $"#{n} again ({charset})");
        }
    }

    [Fact]
    public void Responses_written_straight_from_the_encodings_are_the_bytes_of_the_built_dataset()
    {
        var random = new Random(20261129);
        for (var n = 0; n < 400; n++)
        {
            var (entry, query, charset, expected) = RandomCase(random);
            foreach (var ts in new[] { DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRLittleEndian })
            {
                var want = DicomDatasetWriter.Write(expected, ts);
                // Twice: learnt, then read from the entry's encodings, kept in the weak table and by a holder.
                var holder = new MwlEncodingCache();
                for (var pass = 0; pass < 4; pass++)
                {
                    var output = new System.Buffers.ArrayBufferWriter<byte>();
                    MwlResponseBuilder.Encoder(query, entry, charset, pass < 2 ? null : holder).Encode(ts, output);
                    Assert.True(want.AsSpan().SequenceEqual(output.WrittenSpan), $"#{n} pass {pass} ({charset}, {ts}): {Convert.ToHexString(want)} != {Convert.ToHexString(output.WrittenSpan)}");
                }

                if (MwlEncodedEntry.For(entry, charset) is { } encoded)
                {
                    Assert.Equal(want.Length, MwlResponseEncoder.Measure(query.ResponsePlan, encoded, ts.IsExplicitVR));
                }
            }
        }
    }

    [Fact]
    public void An_entry_too_large_to_cache_is_still_written_through_its_built_dataset()
    {
        var query = MwlQuery.Parse(new DicomDataset().SetEmpty(DicomTags.PatientName, DicomVR.PN).SetEmpty(DicomTags.RequestedProcedureComments, DicomVR.LT));
        var huge = Nunez with { RequestedProcedureComments = new string('x', 40_000), PatientName = "NÚÑEZ^" + new string('J', 30_000) };
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        MwlResponseBuilder.Encoder(query, huge, DicomCharacterSet.Utf8).Encode(DicomTransferSyntax.ExplicitVRLittleEndian, output);
        Assert.Equal(DicomDatasetWriter.Write(MwlResponseBuilder.BuildUncached(query.Identifier, huge, DicomCharacterSet.Utf8), DicomTransferSyntax.ExplicitVRLittleEndian), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_changed_entry_is_a_new_entry_with_its_own_encodings()
    {
        var query = Query([(DicomTags.PatientName, ""), (DicomTags.AccessionNumber, "")], [(DicomTags.ScheduledProcedureStepStartTime, "")]);
        var before = MwlResponseBuilder.Build(query, Nunez, DicomCharacterSet.Utf8);
        var changed = Nunez with { PatientName = "NÚÑEZ^MARÍA", SpsStartTime = "101500" };
        var after = MwlResponseBuilder.Build(query, changed, DicomCharacterSet.Utf8);
        Assert.Equal("NÚÑEZ^JOSÉ", before.GetString(DicomTags.PatientName));
        Assert.Equal("NÚÑEZ^MARÍA", after.GetString(DicomTags.PatientName));
        Assert.Equal("101500", after.GetSequence(DicomTags.ScheduledProcedureStepSequence)[0].GetString(DicomTags.ScheduledProcedureStepStartTime));
        Assert.Equal("NÚÑEZ^JOSÉ", MwlResponseBuilder.Build(query, Nunez, DicomCharacterSet.Utf8).GetString(DicomTags.PatientName));
    }

    [Fact]
    public void One_entry_in_many_character_sets_and_values_too_long_to_cache_still_come_out_alike()
    {
        var query = MwlQuery.Parse(new DicomDataset()
            .SetEmpty(DicomTags.PatientName, DicomVR.PN)
            .SetEmpty(DicomTags.RequestedProcedureComments, DicomVR.LT)
            .SetSequence(DicomTags.ScheduledProcedureStepSequence, []));
        var entry = Nunez with { };
        // More character sets than an entry keeps encodings for: the rest are built uncached, identically.
        foreach (var cs in CharacterSets)
        {
            var charset = DicomCharacterSet.Parse(cs);
            AssertSame(MwlResponseBuilder.BuildUncached(query.Identifier, entry, charset), MwlResponseBuilder.Build(query, entry, charset), cs);
        }

        Assert.True(CharacterSets.Length > MwlEncodedEntry.MaxCharacterSets);
        // Each value fits its element; together they pass the 64 KiB an entry's encodings may take.
        var huge = Nunez with { RequestedProcedureComments = new string('x', 40_000), PatientName = "NÚÑEZ^" + new string('J', 30_000) };
        Assert.Null(MwlEncodedEntry.For(huge, DicomCharacterSet.Utf8));
        AssertSame(MwlResponseBuilder.BuildUncached(query.Identifier, huge, DicomCharacterSet.Utf8), MwlResponseBuilder.Build(query, huge, DicomCharacterSet.Utf8), "70,000 bytes in all");
    }

    [Fact]
    public void Whole_responses_kept_per_query_shape_are_the_bytes_of_the_built_dataset()
    {
        var random = new Random(20261130);
        for (var n = 0; n < 300; n++)
        {
            // One entry answered, in one character set, to several random shapes (more than it keeps), each shape
            // asked by two identifiers parsed separately (a scanner re-asking), in both transfer syntaxes, twice.
            var entry = RandomEntry(random);
            var charset = DicomCharacterSet.Parse(CharacterSets[random.Next(CharacterSets.Length)]);
            var holder = new MwlEncodingCache();
            for (var shape = 0; shape < MwlEncodedEntry.MaxShapes + 2; shape++)
            {
                var identifier = RandomIdentifier(random);
                var expected = MwlResponseBuilder.BuildUncached(identifier, entry, charset);
                foreach (var query in new[] { MwlQuery.Parse(identifier), MwlQuery.Parse(RoundTrip(identifier)) })
                {
                    foreach (var ts in new[] { DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRLittleEndian })
                    {
                        var want = DicomDatasetWriter.Write(expected, ts);
                        var response = MwlResponseBuilder.Pending(query, entry, charset, holder);
                        Assert.Equal(DicomStatus.Pending, response.Status);
                        var output = new System.Buffers.ArrayBufferWriter<byte>();
                        response.DatasetEncoder!.Encode(ts, output);
                        Assert.True(want.AsSpan().SequenceEqual(output.WrittenSpan), $"#{n} shape {shape} ({charset}, {ts}): {Convert.ToHexString(want)} != {Convert.ToHexString(output.WrittenSpan)}");
                        if (response.DatasetEncoder is IEncodedDataset encoded)
                        {
                            Assert.True(want.AsSpan().SequenceEqual(encoded.Encoded(ts).Span), $"#{n} shape {shape}: pre-encoded bytes");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Queries_of_one_shape_share_a_plan_and_an_entry_answers_them_with_one_response()
    {
        var a = Query([(DicomTags.PatientName, ""), (DicomTags.AccessionNumber, "")], [(DicomTags.Modality, "CT"), (DicomTags.ScheduledProcedureStepStartDate, "20261128")]);
        var b = Query([(DicomTags.PatientName, "NUNEZ*"), (DicomTags.AccessionNumber, "")], [(DicomTags.Modality, "MR"), (DicomTags.ScheduledProcedureStepStartDate, "")]);
        var other = Query([(DicomTags.PatientName, ""), (DicomTags.PatientID, "")], [(DicomTags.Modality, "CT"), (DicomTags.ScheduledProcedureStepStartDate, "20261128")]);
        Assert.Equal(a.ResponsePlan.Shape, b.ResponsePlan.Shape); // matching values differ, the keys asked for do not
        Assert.True(a.ResponsePlan.SameShape(b.ResponsePlan));
        Assert.False(a.ResponsePlan.SameShape(other.ResponsePlan));

        var entry = Nunez with { };
        var holder = new MwlEncodingCache();
        var first = MwlResponseBuilder.Pending(a, entry, DicomCharacterSet.Utf8, holder);
        Assert.Same(first, MwlResponseBuilder.Pending(b, entry, DicomCharacterSet.Utf8, holder));
        Assert.Same(first.DatasetEncoder, MwlResponseBuilder.Encoder(b, entry, DicomCharacterSet.Utf8, holder));
        Assert.NotSame(first, MwlResponseBuilder.Pending(other, entry, DicomCharacterSet.Utf8, holder));
        var latin1 = MwlResponseBuilder.Pending(a, entry, DicomCharacterSet.Latin1, holder);
        Assert.NotSame(first, latin1); // another character set, other bytes
        Assert.Same(first, MwlResponseBuilder.Pending(a, entry, DicomCharacterSet.Utf8, holder)); // and back: each kept one is found again
        Assert.Same(latin1, MwlResponseBuilder.Pending(b, entry, DicomCharacterSet.Latin1, holder));
        foreach (var (response, charset) in new[] { (first, DicomCharacterSet.Utf8), (latin1, DicomCharacterSet.Latin1) })
        {
            var bytes = new System.Buffers.ArrayBufferWriter<byte>();
            response.DatasetEncoder!.Encode(DicomTransferSyntax.ExplicitVRLittleEndian, bytes);
            Assert.Equal(DicomDatasetWriter.Write(MwlResponseBuilder.BuildUncached(a.Identifier, entry, charset), DicomTransferSyntax.ExplicitVRLittleEndian), bytes.WrittenSpan.ToArray());
        }

        // A changed order is a new entry: its responses are its own, not the old entry's.
        var changed = entry with { PatientName = "NÚÑEZ^MARÍA" };
        var changedResponse = MwlResponseBuilder.Pending(a, changed, DicomCharacterSet.Utf8, new MwlEncodingCache());
        Assert.NotSame(first, changedResponse);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        changedResponse.DatasetEncoder!.Encode(DicomTransferSyntax.ExplicitVRLittleEndian, output);
        Assert.Equal(DicomDatasetWriter.Write(MwlResponseBuilder.BuildUncached(a.Identifier, changed, DicomCharacterSet.Utf8), DicomTransferSyntax.ExplicitVRLittleEndian), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Keys_the_scp_does_not_know_are_part_of_the_shape_with_their_vr()
    {
        // An unknown (private) key comes back empty with the VR it was sent with: two such queries differ in shape.
        var tag = new DicomTag(0x0011, 0x1001);
        var lo = MwlQuery.Parse(new DicomDataset().SetEmpty(DicomTags.PatientName, DicomVR.PN).SetEmpty(tag, DicomVR.LO));
        var sh = MwlQuery.Parse(new DicomDataset().SetEmpty(DicomTags.PatientName, DicomVR.PN).SetEmpty(tag, DicomVR.SH));
        Assert.False(lo.ResponsePlan.SameShape(sh.ResponsePlan));

        var entry = Nunez with { };
        var holder = new MwlEncodingCache();
        foreach (var query in new[] { lo, sh, lo, sh })
        {
            var output = new System.Buffers.ArrayBufferWriter<byte>();
            MwlResponseBuilder.Pending(query, entry, DicomCharacterSet.Utf8, holder).DatasetEncoder!.Encode(DicomTransferSyntax.ExplicitVRLittleEndian, output);
            Assert.Equal(DicomDatasetWriter.Write(MwlResponseBuilder.BuildUncached(query.Identifier, entry, DicomCharacterSet.Utf8), DicomTransferSyntax.ExplicitVRLittleEndian), output.WrittenSpan.ToArray());
        }
    }

    [Fact]
    public void Beyond_its_shapes_an_entry_writes_each_response_from_its_values()
    {
        var entry = Nunez with { };
        var holder = new MwlEncodingCache();
        var queries = new[] { DicomTags.PatientName, DicomTags.PatientID, DicomTags.AccessionNumber, DicomTags.AdmissionID }
            .Select(tag => Query([(tag, "")], [(DicomTags.Modality, "")]))
            .ToArray();
        Assert.True(queries.Length > MwlEncodedEntry.MaxShapes);
        var kept = queries.Take(MwlEncodedEntry.MaxShapes).Select(q => MwlResponseBuilder.Pending(q, entry, DicomCharacterSet.Utf8, holder)).ToArray();
        foreach (var (query, i) in queries.Select((q, i) => (q, i)))
        {
            var response = MwlResponseBuilder.Pending(query, entry, DicomCharacterSet.Utf8, holder);
            if (i < MwlEncodedEntry.MaxShapes) Assert.Same(kept[i], response);
            else Assert.NotSame(response, MwlResponseBuilder.Pending(query, entry, DicomCharacterSet.Utf8, holder)); // made per match

            var output = new System.Buffers.ArrayBufferWriter<byte>();
            response.DatasetEncoder!.Encode(DicomTransferSyntax.ImplicitVRLittleEndian, output);
            Assert.Equal(DicomDatasetWriter.Write(MwlResponseBuilder.BuildUncached(query.Identifier, entry, DicomCharacterSet.Utf8), DicomTransferSyntax.ImplicitVRLittleEndian), output.WrittenSpan.ToArray());
        }
    }

    [Fact]
    public void A_kept_response_refuses_a_transfer_syntax_it_cannot_write()
    {
        var query = Query([(DicomTags.PatientName, "")]);
        var encoder = MwlResponseBuilder.Encoder(query, Nunez with { }, DicomCharacterSet.Utf8, new MwlEncodingCache());
        Assert.IsType<MwlCachedResponse>(encoder);
        Assert.Throws<NotSupportedException>(() => encoder.Encode(DicomTransferSyntax.ExplicitVRBigEndian, new System.Buffers.ArrayBufferWriter<byte>()));
    }

    [Fact]
    public void Concurrent_first_queries_of_one_entry_agree()
    {
        var query = Query([(DicomTags.PatientName, ""), (DicomTags.ReferringPhysicianName, "")], [(DicomTags.ScheduledPerformingPhysicianName, "")]);
        var entry = Nunez with { };
        var expected = DicomDatasetWriter.Write(MwlResponseBuilder.BuildUncached(query.Identifier, entry, DicomCharacterSet.Latin1), DicomTransferSyntax.ExplicitVRLittleEndian);
        var results = new byte[8][];
        Parallel.For(0, results.Length, i =>
            results[i] = DicomDatasetWriter.Write(MwlResponseBuilder.Build(query, entry, DicomCharacterSet.Latin1), DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    // The identifier as a peer would send it: written and parsed again (a new dataset, equal keys).
    private static DicomDataset RoundTrip(DicomDataset identifier) =>
        DicomDatasetReader.Read(DicomDatasetWriter.Write(identifier, DicomTransferSyntax.ExplicitVRLittleEndian), DicomTransferSyntax.ExplicitVRLittleEndian);

    private static void AssertSame(DicomDataset expected, DicomDataset actual, string because)
    {
        foreach (var ts in new[] { DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRLittleEndian })
        {
            var e = DicomDatasetWriter.Write(expected, ts);
            var a = DicomDatasetWriter.Write(actual, ts);
            Assert.True(e.AsSpan().SequenceEqual(a), $"{because} ({ts}): {Convert.ToHexString(e)} != {Convert.ToHexString(a)}");
        }

        // Read back through the dataset API too (character set inheritance of the items).
        Assert.Equal(expected.CharacterSet, actual.CharacterSet);
        Assert.Equal(expected.GetString(DicomTags.PatientName), actual.GetString(DicomTags.PatientName));
        var (es, @as) = (expected.GetSequence(DicomTags.ScheduledProcedureStepSequence), actual.GetSequence(DicomTags.ScheduledProcedureStepSequence));
        Assert.Equal(es.Count, @as.Count);
        for (var i = 0; i < es.Count; i++)
        {
            Assert.Same(actual, @as[i].Parent);
            Assert.Equal(es[i].GetString(DicomTags.ScheduledPerformingPhysicianName), @as[i].GetString(DicomTags.ScheduledPerformingPhysicianName));
        }
    }

    // A random entry, a random query, a random target character set, and the response the uncached builder makes.
    private static (MwlEntry Entry, MwlQuery Query, DicomCharacterSet Charset, DicomDataset Expected) RandomCase(Random random)
    {
        var entry = RandomEntry(random);
        var identifier = RandomIdentifier(random);
        var charset = DicomCharacterSet.Parse(CharacterSets[random.Next(CharacterSets.Length)]);
        return (entry, MwlQuery.Parse(identifier), charset, MwlResponseBuilder.BuildUncached(identifier, entry, charset));
    }

    private static MwlEntry RandomEntry(Random r)
    {
        string Pick(params string[] values) => values[r.Next(values.Length)];
        var code = r.Next(3) != 0;
        var protocol = r.Next(3) != 0;
        return Nunez with
        {
            AccessionNumber = Pick("ACC0001", "A\\B", ""),
            PatientName = Names[r.Next(Names.Length)],
            ReferringPhysicianName = Names[r.Next(Names.Length)],
            RequestingPhysician = Pick("Øster^Åsa", "", "Lefèvre^Gaëlle"),
            RequestedProcedureDescription = Pick("CT Thorax", "Рентген", "胸部CT", ""),
            RequestedProcedureCodeValue = code ? "CT123" : "",
            RequestedProcedureCodingScheme = code ? "99LOCAL" : "",
            RequestedProcedureCodeMeaning = code ? Pick("CT Thorax mit KM", "Ärztliche Überweisung") : "",
            RequestedProcedureComments = Pick("Allergie: Jod\r\nKein KM", "", "€ 12 × 3"),
            TimezoneOffsetFromUtc = Pick("+0100", "-0600", ""),
            ProtocolCodeValue = protocol ? "P1" : "",
            ProtocolCodingScheme = protocol ? "99LOCAL" : "",
            ProtocolCodeMeaning = protocol ? Pick("Thorax Protokoll", "Schädel nativ") : "",
            ScheduledPerformingPhysicianName = Names[r.Next(Names.Length)],
            SpsLocation = Pick("Radiologie", "Röntgen 2", ""),
        };
    }

    private static DicomDataset RandomIdentifier(Random r)
    {
        var ds = new DicomDataset();
        if (r.Next(2) == 0) ds.Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        foreach (var tag in TopKeys.Where(_ => r.Next(2) == 0))
        {
            if (tag == DicomTags.OtherPatientIDsSequence) ds.SetSequence(tag, []);
            else ds.SetEmpty(tag, DicomDictionary.Lookup(tag)!.Value.Vr);
        }

        if (r.Next(4) != 0) ds.SetSequence(DicomTags.RequestedProcedureCodeSequence, CodeTemplate(r));
        switch (r.Next(4))
        {
            case 0:
                ds.SetSequence(DicomTags.ScheduledProcedureStepSequence, []);
                break;
            case 1:
                ds.SetSequence(DicomTags.ScheduledProcedureStepSequence, [new DicomDataset()]);
                break;
            case 2:
                var sps = new DicomDataset();
                foreach (var tag in SpsKeys.Where(_ => r.Next(2) == 0)) sps.SetEmpty(tag, DicomDictionary.Lookup(tag)!.Value.Vr);
                if (r.Next(2) == 0) sps.SetSequence(DicomTags.ScheduledProtocolCodeSequence, CodeTemplate(r));
                ds.SetSequence(DicomTags.ScheduledProcedureStepSequence, [sps]);
                break;
        }

        return ds;
    }

    private static IEnumerable<DicomDataset> CodeTemplate(Random r)
    {
        if (r.Next(3) == 0) return [];
        var item = new DicomDataset();
        foreach (var tag in CodeKeys.Where(_ => r.Next(2) == 0)) item.SetEmpty(tag, DicomDictionary.Lookup(tag)!.Value.Vr);
        return [item];
    }
}

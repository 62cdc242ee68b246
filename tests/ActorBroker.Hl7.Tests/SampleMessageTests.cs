namespace ActorBroker.Hl7.Tests;

public sealed class SampleMessageTests
{
    public static TheoryData<string> ParsableSamples()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestSamples.AllHl7Files().Where(n => n != "bad-no-msh.hl7"))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void All_eleven_samples_are_copied_next_to_the_tests()
    {
        Assert.Equal(11, TestSamples.AllHl7Files().Count());
    }

    [Theory]
    [MemberData(nameof(ParsableSamples))]
    public void Every_sample_but_no_msh_parses_with_a_control_id_and_segments(string name)
    {
        var message = TestSamples.Parse(name);

        Assert.StartsWith("MSG", message.MessageControlId, StringComparison.Ordinal);
        Assert.Equal("MSH", message[0].Id);
        Assert.True(message.SegmentCount >= 3);
        Assert.All(message.Segments, s => Assert.Equal(3, s.Id.Length));
    }

    [Fact]
    public void New_ct_order_reads_patient_order_and_schedule()
    {
        var m = TestSamples.Parse("orm-o01-new-ct.hl7");

        Assert.Equal("ORM", m.MessageType);
        Assert.Equal("O01", m.TriggerEvent);
        Assert.Equal("MSG000001", m.MessageControlId);
        Assert.Equal("2.3", m.Version);
        Assert.Equal("P", m.ProcessingId);
        Assert.Equal("UNICODE UTF-8", m.CharacterSet);
        Assert.Equal("utf-8", m.TextEncoding.WebName);

        var pid = new Pid(m.Find("PID")!.Value);
        Assert.Equal(
            [new Hl7Cx("E1000001", "EPI", "MR"), new Hl7Cx("88231", "NORTHCLINIC", "MR")],
            pid.PatientIdentifiers);
        Assert.Equal(new Hl7Xpn("NÚÑEZ", "JOSÉ", "ANTONIO", "", "SR."), pid.PatientName);
        // XPN.5 is the prefix ("Sr.", Spanish for Mr.); DICOM PN puts the prefix 4th.
        Assert.Equal("SR.", pid.PatientName.Prefix);
        Assert.Equal("NÚÑEZ^JOSÉ^ANTONIO^SR.", pid.PatientName.ToDicomPn());
        Assert.Equal("19700214", pid.DateOfBirth);
        Assert.Equal("M", pid.Sex);

        var pv1 = new Pv1(m.Find("PV1")!.Value);
        Assert.Equal("O", pv1.PatientClass);
        Assert.Equal(new Hl7Pl("RAD", "CT1", "", "MAINHOSP"), pv1.AssignedLocation);
        Assert.Equal(new Hl7Xcn("4411", "GARCÍA", "MARÍA", "", "", ""), pv1.ReferringDoctor);
        Assert.Equal("V7001001", pv1.VisitNumber);

        var orc = new Orc(m.Find("ORC")!.Value);
        Assert.Equal("NW", orc.OrderControl);
        Assert.Equal(new Hl7Ei("PL20001", "EPC"), orc.PlacerOrderNumber);
        Assert.Equal(new Hl7Ei("ACC20001", "EPC"), orc.FillerOrderNumber);
        Assert.Equal("SC", orc.OrderStatus);
        Assert.Equal("^^^20261128093000-0600^^R", orc.QuantityTiming);
        Assert.Equal("20261128093000-0600", orc.QuantityTimingStart);
        Assert.Equal("R", orc.QuantityTimingPriority);
        Assert.Equal("20261128083000-0600", orc.DateTimeOfTransaction);
        Assert.Equal("GARCÍA", orc.OrderingProvider.Family);

        var obr = new Obr(m.Find("OBR")!.Value);
        Assert.Equal(new Hl7Ce("IMG3301", "CT HEAD WO CONTRAST", "EAP", "70450", "CT HEAD WO CONTRAST", "CPT"), obr.UniversalServiceId);
        Assert.Equal("ACC20001", obr.PlacerField1);
        Assert.Equal("RP20001", obr.PlacerField2);
        Assert.Equal("SPS20001", obr.FillerField1);
        Assert.Equal("CT", obr.DiagnosticServiceSectionId);
        Assert.Equal("20261128093000-0600", obr.QuantityTimingStart);
        Assert.Equal("R", obr.QuantityTimingPriority);
        Assert.Equal("Headache, rule out bleed", obr.ReasonForStudy);
        Assert.Equal("4411", obr.OrderingProvider.Id);

        Assert.Equal("1.2.840.114350.2.277.2.798268.2.20001.1", new Zds(m.Find("ZDS")!.Value).StudyInstanceUid);

        Assert.True(Hl7Timestamp.TryParse(orc.QuantityTimingStart, out var start));
        Assert.Equal(new DateTime(2026, 11, 28, 9, 30, 0), start.Local);
        Assert.Equal(TimeSpan.FromHours(-6), start.Offset);
    }

    [Fact]
    public void Latin1_sample_decodes_through_8859_1_and_resolves_T_escape()
    {
        var bytes = TestSamples.Bytes("orm-o01-new-mr-latin1.hl7");
        Assert.Contains((byte)0xDC, bytes); // Ü as one ISO 8859-1 byte, not UTF-8

        var m = Hl7Message.Parse(bytes);

        Assert.Equal("8859/1", m.CharacterSet);
        Assert.Equal("iso-8859-1", m.TextEncoding.WebName);
        var name = new Pid(m.Find("PID")!.Value).PatientName;
        Assert.Equal("MÜLLER", name.Family);
        Assert.Equal("JOÃO", name.Given);
        Assert.Equal(new Hl7Xcn("5520", "O'BRIEN", "SEÁN", "", "", ""), new Pv1(m.Find("PV1")!.Value).ReferringDoctor);
        Assert.Equal("S", new Orc(m.Find("ORC")!.Value).QuantityTimingPriority);
        Assert.Equal("Patient claustrophobic & needs sedation", new Nte(m.Find("NTE")!.Value).Comment);
        Assert.Equal("Patient claustrophobic \\T\\ needs sedation", m.Find("NTE")!.Value.GetField(3));
    }

    [Fact]
    public void Omi_sample_has_two_ipc_steps()
    {
        var m = TestSamples.Parse("omi-o23-two-steps.hl7");

        Assert.Equal("OMI_O23", m.Msh.MessageStructure);
        Assert.Equal("ØSTERGÅRD^LÆRKE", new Pid(m.Find("PID")!.Value).PatientName.ToDicomPn());
        var ipcs = m.All("IPC").Select(s => new Ipc(s)).ToList();
        Assert.Equal(2, ipcs.Count);
        Assert.Equal(["SPS30001A", "SPS30001B"], ipcs.Select(i => i.ScheduledProcedureStepId));
        Assert.All(ipcs, i =>
        {
            Assert.Equal(new Hl7Ei("ACC30001", "EPC"), i.AccessionIdentifier);
            Assert.Equal("RP30001", i.RequestedProcedureId);
            Assert.Equal("1.2.840.114350.2.277.2.798268.2.30001.1", i.StudyInstanceUid);
            Assert.Equal("US", i.Modality);
            Assert.Equal("US-ROOM2", i.ScheduledStationName);
            Assert.Equal("NORTHCLINIC US", i.ScheduledProcedureStepLocation);
            Assert.Equal("NCUS02", i.ScheduledStationAeTitle);
        });
        Assert.Equal(new Hl7Ce("US0042B", "US KIDNEYS", "EAP", "", "", ""), ipcs[1].ProtocolCode);
        Assert.Equal(2, m.Find("IPC", 2)!.Value.Occurrence);
        Assert.Equal("IPC[2]-4", m.Find("IPC", 2)!.Value.LocationOf(4).ToString());

        var tq1 = new Tq1(m.Find("TQ1")!.Value);
        Assert.Equal("20261128110000+0100", tq1.StartDateTime);
        Assert.Equal("R", tq1.Priority);
    }

    [Fact]
    public void Adt_samples_give_name_update_and_merge()
    {
        var a08 = TestSamples.Parse("adt-a08-name-fix.hl7");
        Assert.Equal("NÚÑEZ DE BALBOA", new Pid(a08.Find("PID")!.Value).PatientName.Family);

        var a40 = TestSamples.Parse("adt-a40-merge.hl7");
        Assert.Equal("A40", a40.TriggerEvent);
        Assert.Equal([new Hl7Cx("E1000001", "EPI", "MR")], new Mrg(a40.Find("MRG")!.Value).PriorPatientIdentifiers);
        Assert.Equal("E1000009", new Pid(a40.Find("PID")!.Value).PatientIdentifiers[0].Id);
    }

    [Fact]
    public void Oru_sample_has_two_final_text_lines()
    {
        var m = TestSamples.Parse("oru-r01-final.hl7");

        Assert.Equal("F", new Obr(m.Find("OBR")!.Value).ResultStatus);
        var lines = m.All("OBX").Select(s => new Obx(s)).ToList();
        Assert.Equal(["FINDINGS: No acute intracranial hemorrhage.", "IMPRESSION: Normal non-contrast head CT."], lines.Select(o => o.Values.Single()));
        Assert.All(lines, o => Assert.Equal("TX", o.ValueType));
        Assert.All(lines, o => Assert.Equal("F", o.ResultStatus));
        Assert.Equal("IMG3301", lines[0].ObservationIdentifier.Code);
    }

    [Fact]
    public void Cancel_and_change_samples_carry_their_order_control()
    {
        Assert.Equal(("CA", "CA"), Controls(TestSamples.Parse("orm-o01-cancel.hl7")));
        var change = TestSamples.Parse("orm-o01-change-time.hl7");
        Assert.Equal(("XO", "SC"), Controls(change));
        Assert.Equal("20261128103000-0600", new Orc(change.Find("ORC")!.Value).QuantityTimingStart);

        static (string, string) Controls(Hl7Message m)
        {
            var orc = new Orc(m.Find("ORC")!.Value);
            return (orc.OrderControl, orc.OrderStatus);
        }
    }

    [Fact]
    public void No_msh_sample_is_refused_with_AR()
    {
        var e = Assert.Throws<Hl7Exception>(() => TestSamples.Parse("bad-no-msh.hl7"));

        Assert.Equal(AckCode.AR, e.SuggestedAck);
        Assert.Contains("MSH", e.Error.Message, StringComparison.Ordinal);
        Assert.Contains("XSH", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_sample_parses_and_shows_what_is_missing()
    {
        var bytes = TestSamples.Bytes("bad-truncated.hl7");
        Assert.NotEqual((byte)'\r', bytes[^1]); // really no final terminator

        var m = Hl7Message.Parse(bytes);
        var obr = m.Find("OBR")!.Value;

        Assert.Equal(4, obr.FieldCount);
        Assert.Equal("IMG1", new Obr(obr).UniversalServiceId.Code);
        Assert.False(obr.IsPresent(18));
        Assert.Equal(string.Empty, new Obr(obr).PlacerField1);
        Assert.Equal("OBR-18", obr.LocationOf(18).ToString());
        Assert.Equal(string.Empty, m.CharacterSet ?? string.Empty);
    }

    [Fact]
    public void Unknown_order_control_sample_parses_so_the_domain_can_name_ORC_1()
    {
        var m = TestSamples.Parse("bad-unknown-order-control.hl7");
        var orc = m.Find("ORC")!.Value;

        Assert.Equal("ZZ", new Orc(orc).OrderControl);
        Assert.Equal("QQ", new Orc(orc).OrderStatus);
        Assert.Equal("ORC-1", orc.LocationOf(1).ToString());
    }
}

using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Tests.Network;
using static ActorBroker.Dicom.Tests.Mpps.MppsTestData;

namespace ActorBroker.Dicom.Tests.Mpps;

/// <summary>DicomClient → DicomListener with an MPPS SCP built on <see cref="MppsRules"/> and <see cref="MppsResponses"/>.</summary>
public sealed class MppsScpRoundTripTests
{
    private static NCreateRequest Create(string uid, DicomDataset dataset, string sopClass = WellKnownUids.ModalityPerformedProcedureStep) => new()
    {
        AffectedSOPClassUID = sopClass,
        AffectedSOPInstanceUID = uid,
        Dataset = dataset,
    };

    private static NSetRequest Set(string uid, DicomDataset dataset) => new()
    {
        RequestedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
        RequestedSOPInstanceUID = uid,
        Dataset = dataset,
    };

    [Fact]
    public async Task N_CREATE_N_SET_then_a_second_N_SET_a_duplicate_and_an_unknown_instance()
    {
        var scp = new InMemoryMppsScp();
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { NCreate = scp, NSet = scp });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityPerformedProcedureStep);
        var uid = DicomUid.Generate();

        var created = await client.NCreateAsync(Create(uid, NCreate()));
        Assert.Equal(DicomStatus.Success, created.Status);
        Assert.Equal(uid, created.AffectedSOPInstanceUID);
        Assert.Equal(WellKnownUids.ModalityPerformedProcedureStep, created.AffectedSOPClassUID);
        Assert.Equal(Created, scp.Instances[uid]);

        var completed = await client.NSetAsync(Set(uid, NSetCompleted()));
        Assert.Equal(DicomStatus.Success, completed.Status);
        Assert.Equal(uid, completed.AffectedSOPInstanceUID);
        Assert.Equal(MppsStatus.Completed, scp.Instances[uid].Status);
        Assert.Equal(3, Assert.Single(scp.Instances[uid].PerformedSeries).ReferencedImageCount);

        var again = await client.NSetAsync(Set(uid, NSetCompleted()));
        Assert.Equal(DicomStatus.ProcessingFailure, again.Status);
        Assert.Equal((ushort)0xA710, again.ErrorID);
        Assert.Equal("Performed Procedure Step Object may no longer be updated", again.ErrorComment);

        var duplicate = await client.NCreateAsync(Create(uid, NCreate()));
        Assert.Equal(DicomStatus.DuplicateSOPInstance, duplicate.Status);
        Assert.Equal(uid, duplicate.AffectedSOPInstanceUID);

        var unknown = await client.NSetAsync(Set("1.2.3.999", NSetCompleted()));
        Assert.Equal(DicomStatus.NoSuchObjectInstance, unknown.Status);
        Assert.Equal("1.2.3.999", unknown.AffectedSOPInstanceUID);

        Assert.Equal(MppsStatus.Completed, scp.Instances[uid].Status);
        Assert.Single(scp.Instances);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Refusals_reach_the_SCU_with_their_attribute_identifiers_and_attribute_lists()
    {
        var scp = new InMemoryMppsScp();
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { NCreate = scp, NSet = scp });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityPerformedProcedureStep);

        var missing = await client.NCreateAsync(Create(DicomUid.Generate(), NCreate(d =>
        {
            d.Remove(DicomTags.PerformedProcedureStepID);
            d.Remove(DicomTags.Modality);
        })));
        Assert.Equal(DicomStatus.MissingAttribute, missing.Status);
        Assert.Equal([DicomTags.Modality, DicomTags.PerformedProcedureStepID], missing.AttributeIdentifierList);
        Assert.Null(missing.Dataset);

        var completedAtCreate = await client.NCreateAsync(Create(DicomUid.Generate(), NCreate(d => d.Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.Completed))));
        Assert.Equal(DicomStatus.InvalidAttributeValue, completedAtCreate.Status);
        Assert.Equal(MppsStatus.Completed, completedAtCreate.Dataset!.GetString(DicomTags.PerformedProcedureStepStatus));

        var uid = DicomUid.Generate();
        Assert.Equal(DicomStatus.Success, (await client.NCreateAsync(Create(uid, NCreate()))).Status);
        var renamed = await client.NSetAsync(Set(uid, NSetCompleted(d => d.Set(DicomTags.PatientName, DicomVR.PN, "Núñez^José"))));
        Assert.Equal(DicomStatus.InvalidAttributeValue, renamed.Status);
        Assert.Equal("Núñez^José", renamed.Dataset!.GetString(DicomTags.PatientName));
        Assert.Equal("Müller^Jörg", scp.Instances[uid].PatientName);
        Assert.Equal(MppsStatus.InProgress, scp.Instances[uid].Status);

        Assert.Empty(scp.Instances.Keys.Except([uid]));
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task An_N_CREATE_of_another_SOP_class_reaching_the_MPPS_provider_is_0118()
    {
        // The listener accepts Basic Text SR Storage; an N-CREATE on that context passes the dispatcher (its SOP
        // class is the context's) and reaches the provider, which refuses it: PS3.4 F.7.2.1 wants the MPPS class.
        var scp = new InMemoryMppsScp();
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { NCreate = scp, NSet = scp });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.BasicTextSRStorage);

        var response = await client.NCreateAsync(Create(DicomUid.Generate(), NCreate(), WellKnownUids.BasicTextSRStorage));

        Assert.Equal(DicomStatus.NoSuchSOPClass, response.Status);
        Assert.Equal(WellKnownUids.BasicTextSRStorage, response.AffectedSOPClassUID);
        Assert.Empty(scp.Instances);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task An_N_CREATE_naming_another_SOP_class_on_the_MPPS_context_is_refused_by_the_dispatcher_with_0122()
    {
        // PS3.7 9.1/10.1: a request's SOP class is its context's abstract syntax. DimseServiceDispatcher answers
        // a mismatch with 0122H Refused: SOP Class not supported before any provider runs.
        var scp = new InMemoryMppsScp();
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { NCreate = scp, NSet = scp });
        await using var association = await RawAssociation.ConnectAsync(listener.LocalEndPoint, WellKnownUids.ModalityPerformedProcedureStep);

        var (command, dataset) = await association.RequestAsync(1, Create(DicomUid.Generate(), NCreate(), "1.2.840.10008.5.1.4.33") with { MessageID = 9 });

        Assert.Equal((ushort)DimseCommandField.NCreateRSP, command.GetUInt16(DicomTags.CommandField));
        Assert.Equal(DicomStatus.SOPClassNotSupported.Code, command.GetUInt16(DicomTags.Status));
        Assert.Equal(9, command.GetUInt16(DicomTags.MessageIDBeingRespondedTo));
        Assert.Null(dataset);
        Assert.Empty(scp.Instances);
    }
}

using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Dicom.Tests.Network;

namespace ActorBroker.Dicom.Tests.Dimse;

/// <summary>Our client against our listener: the DIMSE services end to end.</summary>
public sealed class DimseServiceTests
{
    private static CFindRequest WorklistQuery() =>
        new() { AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind, Dataset = Worklist.Query() };

    [Fact]
    public async Task CFind_streams_each_pending_response_then_success()
    {
        var released = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var matches = new[] { Worklist.Item("ACC1", "Núñez^José"), Worklist.Item("ACC2", "Doe^Jane"), Worklist.Item("ACC3", "Müller^Jörg") };

        // Match i+1 is produced only after the client has received match i: responses are streamed, not batched.
        var provider = new FixedFindProvider(matches, i => i == 0 ? Task.CompletedTask : released[i - 1].Task);
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { Find = provider });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityWorklistInformationModelFind);

        var responses = new List<CFindResponse>();
        await foreach (var response in client.CFindAsync(WorklistQuery()).WithCancellation(CancellationToken.None))
        {
            responses.Add(response);
            if (response.Status.IsPending)
            {
                released[responses.Count - 1].TrySetResult();
            }
        }

        Assert.Equal(4, responses.Count);
        Assert.All(responses.Take(3), r => Assert.Equal(DicomStatus.Pending, r.Status));
        Assert.Equal(["ACC1", "ACC2", "ACC3"], responses.Take(3).Select(r => r.Dataset!.GetString(DicomTags.AccessionNumber)));
        Assert.Equal("Núñez^José", responses[0].Dataset!.GetString(DicomTags.PatientName));
        Assert.Equal(DicomStatus.Success, responses[3].Status);
        Assert.Null(responses[3].Dataset);
        Assert.All(responses, r => Assert.Equal(WellKnownUids.ModalityWorklistInformationModelFind, r.AffectedSOPClassUID));
        Assert.Equal("*", provider.LastRequest!.Dataset!.GetString(DicomTags.PatientName));
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task CCancel_mid_stream_cancels_the_provider_and_ends_with_fe00()
    {
        var provider = new EndlessFindProvider(matchesBeforeWaiting: 2);
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { Find = provider });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityWorklistInformationModelFind, WellKnownUids.Verification);
        using var cancel = new CancellationTokenSource();

        var responses = new List<CFindResponse>();
        await foreach (var response in client.CFindAsync(WorklistQuery(), cancel.Token))
        {
            responses.Add(response);
            if (responses.Count == 2)
            {
                await cancel.CancelAsync();
            }
        }

        await provider.Cancelled.WaitAsync(TestTimeouts.Default);
        Assert.Equal(3, responses.Count);
        Assert.Equal(DicomStatus.Cancel, responses[^1].Status);

        // The association is still usable.
        Assert.Equal(DicomStatus.Success, (await client.CEchoAsync()).Status);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Stopping_the_enumeration_early_cancels_and_keeps_the_association()
    {
        var provider = new EndlessFindProvider(matchesBeforeWaiting: 5);
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { Find = provider });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityWorklistInformationModelFind, WellKnownUids.Verification);

        await foreach (var response in client.CFindAsync(WorklistQuery()))
        {
            Assert.True(response.Status.IsPending);
            break;
        }

        await provider.Cancelled.WaitAsync(TestTimeouts.Default);
        Assert.Equal(DicomStatus.Success, (await client.CEchoAsync()).Status);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task A_throwing_provider_ends_with_c000_after_what_it_yielded()
    {
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { Find = new FailingFindProvider(new InvalidOperationException("index offline"), null) });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityWorklistInformationModelFind);

        var responses = await client.CFindAsync(WorklistQuery()).ToListAsync();

        Assert.Equal(2, responses.Count);
        Assert.Equal(DicomStatus.Pending, responses[0].Status);
        Assert.Equal(DicomStatus.UnableToProcess, responses[1].Status);
        Assert.Equal("index offline", responses[1].ErrorComment);
    }

    [Fact]
    public async Task Hundreds_of_matches_yielded_at_once_arrive_in_order_each_for_its_own_request()
    {
        // More matches than one batch of the writer, some the same response instance, FF00 then FF01 from match 150.
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { Find = new ManyFindProvider(200, warningAt: 150) });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityWorklistInformationModelFind);

        // Twice on one association: the kept response instances must not carry the first request's Message ID (the
        // client checks every response's Message ID Being Responded To against its request's).
        var messageIds = new List<ushort>();
        for (var round = 0; round < 2; round++)
        {
            var responses = await client.CFindAsync(WorklistQuery()).ToListAsync();

            Assert.Equal(201, responses.Count);
            Assert.Equal(Enumerable.Range(0, 200).Select(ManyFindProvider.Accession), responses.Take(200).Select(r => r.Dataset!.GetString(DicomTags.AccessionNumber)));
            Assert.All(responses.Take(150), r => Assert.Equal(DicomStatus.Pending, r.Status));
            Assert.All(responses.Skip(150).Take(50), r => Assert.Equal(DicomStatus.PendingWarning, r.Status));
            Assert.Equal(DicomStatus.Success, responses[200].Status);
            Assert.Single(responses.Select(r => r.MessageIDBeingRespondedTo).Distinct());
            messageIds.Add(responses[0].MessageIDBeingRespondedTo);
            Assert.All(responses, r => Assert.Equal(WellKnownUids.ModalityWorklistInformationModelFind, r.AffectedSOPClassUID));
        }

        Assert.NotEqual(messageIds[0], messageIds[1]);

        await client.ReleaseAsync();
    }

    [Fact]
    public async Task A_provider_failing_mid_batch_ends_with_c000_after_every_match_it_yielded()
    {
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { Find = new ManyFindProvider(200, failAfter: 100) });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityWorklistInformationModelFind);

        var responses = await client.CFindAsync(WorklistQuery()).ToListAsync();

        Assert.Equal(101, responses.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(ManyFindProvider.Accession), responses.Take(100).Select(r => r.Dataset!.GetString(DicomTags.AccessionNumber)));
        Assert.Equal(DicomStatus.UnableToProcess, responses[100].Status);
        Assert.Equal("index offline", responses[100].ErrorComment);
    }

    [Fact]
    public async Task A_final_response_from_the_provider_ends_the_stream()
    {
        var final = CFindResponse.Final(DicomStatus.OutOfResources, "too many matches");
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { Find = new FailingFindProvider(null, final) });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityWorklistInformationModelFind);

        var responses = await client.CFindAsync(WorklistQuery()).ToListAsync();

        Assert.Equal(2, responses.Count);
        Assert.Equal(DicomStatus.OutOfResources, responses[1].Status);
        Assert.Equal("too many matches", responses[1].ErrorComment);
    }

    [Fact]
    public async Task Large_data_sets_are_fragmented_both_ways_by_each_side_maximum()
    {
        var big = new string('x', 50 * 1024);
        var match = Worklist.Item("BIG", "Big^Data").Set(DicomTags.RequestedProcedureDescription, DicomVR.LO, "big").Set(new DicomTag(0x0009, 0x1010), DicomVR.UT, big);
        var store = new RecordingStoreProvider();
        var providers = new DicomServiceProviders { Find = new FixedFindProvider([match]), Store = store };
        var options = ListenerHarness.Options(ListenerHarness.Policy with { MaxPduLength = AssociationPolicy.MinMaxPduLength });
        await using var listener = ListenerHarness.Start(providers, options: options);
        await using var proxy = await PduSniffingProxy.StartAsync(listener.LocalEndPoint);

        var clientOptions = ListenerHarness.Client(listener, "ACTORBROKER", WellKnownUids.ModalityWorklistInformationModelFind, WellKnownUids.BasicTextSRStorage) with
        {
            Port = proxy.LocalEndPoint.Port,
            MaxPduLength = 4096,
        };
        await using var client = await DicomClient.ConnectAsync(clientOptions).WaitAsync(TestTimeouts.Default);

        var found = await client.CFindAsync(WorklistQuery()).ToListAsync();
        Assert.Equal(big, found[0].Dataset!.GetString(new DicomTag(0x0009, 0x1010)));

        var sr = new DicomDataset()
            .Set(DicomTags.SOPClassUID, DicomVR.UI, WellKnownUids.BasicTextSRStorage)
            .Set(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.3.4.5.6")
            .Set(new DicomTag(0x0009, 0x1010), DicomVR.UT, big);
        var stored = await client.CStoreAsync(new CStoreRequest
        {
            AffectedSOPClassUID = WellKnownUids.BasicTextSRStorage,
            AffectedSOPInstanceUID = "1.2.3.4.5.6",
            Dataset = sr,
        });
        Assert.Equal(DicomStatus.Success, stored.Status);
        Assert.Equal("1.2.3.4.5.6", stored.AffectedSOPInstanceUID);
        Assert.Equal(big, store.Received!.Dataset!.GetString(new DicomTag(0x0009, 0x1010)));
        await client.ReleaseAsync();

        var toClient = proxy.PDataLengths(fromServer: true);
        var toServer = proxy.PDataLengths(fromServer: false);
        Assert.All(toClient, length => Assert.True(length <= 4096, $"P-DATA-TF of {length} to a 4096 peer"));
        Assert.All(toServer, length => Assert.True(length <= AssociationPolicy.MinMaxPduLength, $"P-DATA-TF of {length} to a 16384 peer"));
        Assert.True(toClient.Count >= 13, $"{toClient.Count} P-DATA-TF PDUs to the client");
        Assert.True(toServer.Count >= 4, $"{toServer.Count} P-DATA-TF PDUs to the server");
    }

    [Fact]
    public async Task Mpps_n_create_then_n_set()
    {
        var mpps = new MppsProvider();
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { NCreate = mpps, NSet = mpps });
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityPerformedProcedureStep);
        var uid = DicomUid.Generate();

        var created = await client.NCreateAsync(new NCreateRequest
        {
            AffectedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
            AffectedSOPInstanceUID = uid,
            Dataset = new DicomDataset().Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, "IN PROGRESS"),
        });
        Assert.Equal(DicomStatus.Success, created.Status);
        Assert.Equal(uid, created.AffectedSOPInstanceUID);
        Assert.Equal(WellKnownUids.ModalityPerformedProcedureStep, created.AffectedSOPClassUID);

        var duplicate = await client.NCreateAsync(new NCreateRequest
        {
            AffectedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
            AffectedSOPInstanceUID = uid,
            Dataset = new DicomDataset(),
        });
        Assert.Equal(DicomStatus.DuplicateSOPInstance, duplicate.Status);

        var set = await client.NSetAsync(new NSetRequest
        {
            RequestedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
            RequestedSOPInstanceUID = uid,
            Dataset = new DicomDataset().Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, "COMPLETED"),
        });
        Assert.Equal(DicomStatus.Success, set.Status);
        Assert.Equal(uid, set.AffectedSOPInstanceUID);
        Assert.Equal("COMPLETED", mpps.Instances[uid].GetString(DicomTags.PerformedProcedureStepStatus));

        var unknown = await client.NSetAsync(new NSetRequest
        {
            RequestedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
            RequestedSOPInstanceUID = "1.2.3.999",
            Dataset = new DicomDataset(),
        });
        Assert.Equal(DicomStatus.NoSuchObjectInstance, unknown.Status);
        Assert.Equal("unknown MPPS instance", unknown.ErrorComment);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task An_operation_without_provider_is_an_unrecognized_operation()
    {
        await using var listener = ListenerHarness.Start();
        await using var client = await ListenerHarness.ConnectAsync(listener, WellKnownUids.ModalityWorklistInformationModelFind, WellKnownUids.BasicTextSRStorage);

        var find = await client.CFindAsync(WorklistQuery()).ToListAsync();
        Assert.Equal(DicomStatus.UnrecognizedOperation, Assert.Single(find).Status);

        var store = await client.CStoreAsync(new CStoreRequest
        {
            AffectedSOPClassUID = WellKnownUids.BasicTextSRStorage,
            AffectedSOPInstanceUID = "1.2.3",
            Dataset = new DicomDataset(),
        });
        Assert.Equal(DicomStatus.UnrecognizedOperation, store.Status);
    }

    [Fact]
    public async Task A_request_whose_sop_class_is_not_the_context_abstract_syntax_fails_with_0122()
    {
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { Find = new FixedFindProvider([]) });
        await using var association = await RawAssociation.ConnectAsync(listener.LocalEndPoint, WellKnownUids.Verification);

        // A worklist C-FIND on the Verification context (ID 1).
        var (command, dataset) = await association.RequestAsync(1, WorklistQuery() with { MessageID = 77 });

        Assert.Equal((ushort)DimseCommandField.CFindRSP, command.GetUInt16(DicomTags.CommandField));
        Assert.Equal(DicomStatus.SOPClassNotSupported.Code, command.GetUInt16(DicomTags.Status));
        Assert.Equal(77, command.GetUInt16(DicomTags.MessageIDBeingRespondedTo));
        Assert.Null(dataset);
    }

    [Fact]
    public async Task An_unimplemented_dimse_command_is_answered_with_0211()
    {
        await using var listener = ListenerHarness.Start();
        await using var association = await RawAssociation.ConnectAsync(listener.LocalEndPoint, WellKnownUids.Verification);

        var (command, _) = await association.RequestAsync(1, new UnsupportedRequest(DimseCommandField.NGetRQ, WellKnownUids.Verification) { MessageID = 5 });

        Assert.Equal((ushort)DimseCommandField.NGetRSP, command.GetUInt16(DicomTags.CommandField));
        Assert.Equal(DicomStatus.UnrecognizedOperation.Code, command.GetUInt16(DicomTags.Status));
        Assert.Equal(5, command.GetUInt16(DicomTags.MessageIDBeingRespondedTo));
        Assert.Equal(WellKnownUids.Verification, command.GetString(DicomTags.AffectedSOPClassUID));
    }
}

using ActorBroker.Actors.Modalities;
using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;
using Akka.TestKit.Xunit2;

namespace ActorBroker.Actors.Tests.Modalities;

/// <summary>The worklist C-FIND provider over a real association (our DICOM client and listener).</summary>
public sealed class MwlFindProviderTests : TestKit
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_worklist_still_being_rebuilt_is_refused_with_A700_never_served_partly()
    {
        using var index = new WorklistIndex();
        var command = SampleOrders.Command("orm-o01-new-ct.hl7", At);
        var state = OrderSnapshot.Empty(command.Key);
        foreach (var e in Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(state, command)).Events)
        {
            state = OrderDecider.Apply(state, e);
        }

        index.Upsert(command.Key, WorklistProjection.ItemsFor(state, SampleOrders.Sites.Get("MAINHOSP")!));
        var provider = new MwlFindProvider(index, new ModalityDirectory(SampleOrders.Sites), new MwlMatchingOptions(), CreateTestProbe().Ref, TimeProvider.System);
        await using var listener = DicomListener.Start(
            new DicomServiceOptions
            {
                Port = 0,
                Policy = new AssociationPolicy { AETitle = "ACTORBROKER", AcceptAnyCallingAE = true, AbstractSyntaxes = [new SupportedAbstractSyntax(WellKnownUids.ModalityWorklistInformationModelFind)] },
            },
            new DicomServiceProviders { Find = provider });
        await using var client = await DicomClient.ConnectAsync(new DicomClientOptions
        {
            Host = "127.0.0.1",
            Port = listener.LocalEndPoint.Port,
            CalledAETitle = "ACTORBROKER",
            CallingAETitle = "CT01",
            PresentationContexts = [new SupportedAbstractSyntax(WellKnownUids.ModalityWorklistInformationModelFind)],
        });

        // The index holds the order but its writer has not finished the rebuild: a refusal the modality retries.
        var refused = await FindAsync(client);
        var final = Assert.Single(refused);
        Assert.Equal(DicomStatus.OutOfResources, final.Status);
        Assert.Contains("rebuilt", final.ErrorComment, StringComparison.Ordinal);

        // Complete: one pending response per item, then success. A new rebuild (Clear) refuses again.
        index.MarkComplete();
        var served = await FindAsync(client);
        Assert.Equal([DicomStatus.Pending, DicomStatus.Success], served.Select(r => r.Status));
        index.Clear();
        Assert.Equal(DicomStatus.OutOfResources, Assert.Single(await FindAsync(client)).Status);
    }

    private static async Task<List<CFindResponse>> FindAsync(DicomClient client)
    {
        var identifier = new DicomDataset(DicomCharacterSet.Utf8).Set(DicomTags.AccessionNumber, DicomVR.SH, "");
        identifier.SetSequence(DicomTags.ScheduledProcedureStepSequence, [new DicomDataset(DicomCharacterSet.Utf8).Set(DicomTags.Modality, DicomVR.CS, "CT")]);
        var request = new CFindRequest { AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind, MessageID = 1, Dataset = identifier };
        var responses = new List<CFindResponse>();
        await foreach (var r in client.CFindAsync(request).WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token))
        {
            responses.Add(r);
        }

        return responses;
    }
}

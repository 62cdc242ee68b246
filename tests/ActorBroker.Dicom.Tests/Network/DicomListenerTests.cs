using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Network;

public sealed class DicomListenerTests
{
    [Fact]
    public async Task Echo_release_and_observer_events()
    {
        var observer = new TestObserver();
        await using var listener = ListenerHarness.Start(observer: observer);
        Assert.NotEqual(0, listener.LocalEndPoint.Port);

        var client = await ListenerHarness.ConnectAsync(listener);
        Assert.Equal("ACTORBROKER_1", client.PeerImplementationVersionName);
        Assert.Equal(AssociationPolicy.DefaultMaxPduLength, client.PeerMaxPduLength);

        var response = await client.CEchoAsync().WaitAsync(TestTimeouts.Default);
        Assert.Equal(DicomStatus.Success, response.Status);
        Assert.Equal(WellKnownUids.Verification, response.AffectedSOPClassUID);

        var opened = await observer.Opened;
        Assert.Equal("TESTSCU", opened.CallingAETitle);
        Assert.Equal("ACTORBROKER", opened.CalledAETitle);
        Assert.NotNull(opened.RemoteEndPoint);
        Assert.Equal(ActorBroker.Dicom.Data.DicomUid.ImplementationClassUid, opened.PeerImplementationClassUid);

        await client.ReleaseAsync().WaitAsync(TestTimeouts.Default);
        Assert.False(client.IsEstablished);
        var (closedContext, reason) = await observer.Closed;
        Assert.Same(opened, closedContext);
        Assert.Equal(DicomAssociationCloseReason.Released, reason);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Several_operations_on_one_association_get_distinct_message_ids()
    {
        await using var listener = ListenerHarness.Start();
        await using var client = await ListenerHarness.ConnectAsync(listener);
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.CEchoAsync()).MessageIDBeingRespondedTo);
        }

        Assert.Equal(5, ids.Distinct().Count());
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Wrong_called_ae_is_rejected_with_reason_7()
    {
        var observer = new TestObserver();
        await using var listener = ListenerHarness.Start(observer: observer);

        var e = await Assert.ThrowsAsync<DicomAssociationRejectedException>(
            () => DicomClient.ConnectAsync(ListenerHarness.Client(listener, calledAE: "SOMEONE_ELSE")).WaitAsync(TestTimeouts.Default));

        Assert.Equal(AssociateRejectResult.RejectedPermanent, e.Result);
        Assert.Equal(AssociateRejectSource.ServiceUser, e.RejectSource);
        Assert.Equal(AssociateRejectReason.ServiceUser.CalledAETitleNotRecognized, e.Reason);
        var (request, rejection) = await observer.Rejected;
        Assert.Equal("SOMEONE_ELSE", request.CalledAETitle);
        Assert.Equal("called-AE-title-not-recognized", rejection.Description);
    }

    [Fact]
    public async Task Unknown_calling_ae_is_rejected_with_reason_3()
    {
        var policy = ListenerHarness.Policy with
        {
            AcceptAnyCallingAE = false,
            AllowedCallingAETitles = new HashSet<string>(["CT01"], StringComparer.Ordinal),
        };
        await using var listener = ListenerHarness.Start(options: ListenerHarness.Options(policy));

        var e = await Assert.ThrowsAsync<DicomAssociationRejectedException>(
            () => DicomClient.ConnectAsync(ListenerHarness.Client(listener)).WaitAsync(TestTimeouts.Default));

        Assert.Equal(AssociateRejectSource.ServiceUser, e.RejectSource);
        Assert.Equal(AssociateRejectReason.ServiceUser.CallingAETitleNotRecognized, e.Reason);

        await using var allowed = await DicomClient.ConnectAsync(ListenerHarness.Client(listener) with { CallingAETitle = "CT01" });
        Assert.True(allowed.IsEstablished);
    }

    [Fact]
    public async Task Big_endian_only_context_is_refused_with_result_4()
    {
        await using var listener = ListenerHarness.Start();
        var options = ListenerHarness.Client(listener) with
        {
            PresentationContexts =
            [
                new SupportedAbstractSyntax(WellKnownUids.Verification, [WellKnownUids.ExplicitVRBigEndian]),
                new SupportedAbstractSyntax("1.2.840.10008.5.1.4.1.2.2.1"),
            ],
        };
        await using var client = await DicomClient.ConnectAsync(options).WaitAsync(TestTimeouts.Default);

        Assert.Equal(PresentationContextResult.TransferSyntaxesNotSupported, client.PresentationContexts[0].Result);
        Assert.Equal(PresentationContextResult.AbstractSyntaxNotSupported, client.PresentationContexts[1].Result);
        var e = await Assert.ThrowsAsync<DicomNetworkException>(() => client.CEchoAsync());
        Assert.Contains("No accepted presentation context", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_limit_associations_are_rejected_transient_local_limit_exceeded()
    {
        var options = ListenerHarness.Options() with { MaxConcurrentAssociations = 1 };
        await using var listener = ListenerHarness.Start(options: options);
        await using var first = await ListenerHarness.ConnectAsync(listener);

        var e = await Assert.ThrowsAsync<DicomAssociationRejectedException>(
            () => DicomClient.ConnectAsync(ListenerHarness.Client(listener)).WaitAsync(TestTimeouts.Default));

        Assert.Equal(AssociateRejectResult.RejectedTransient, e.Result);
        Assert.Equal(AssociateRejectSource.ServiceProviderPresentation, e.RejectSource);
        Assert.Equal(AssociateRejectReason.ServiceProviderPresentation.LocalLimitExceeded, e.Reason);
        Assert.Equal(DicomStatus.Success, (await first.CEchoAsync()).Status);
    }

    [Fact]
    public async Task Client_abort_is_seen_as_peer_aborted()
    {
        var observer = new TestObserver();
        await using var listener = ListenerHarness.Start(observer: observer);
        var client = await ListenerHarness.ConnectAsync(listener);
        await observer.Opened;

        await client.AbortAsync();

        Assert.Equal(DicomAssociationCloseReason.PeerAborted, (await observer.Closed).Reason);
        Assert.False(client.IsEstablished);
        await Assert.ThrowsAsync<DicomNetworkException>(() => client.CEchoAsync());
    }

    [Fact]
    public async Task Listener_shutdown_aborts_open_associations()
    {
        var observer = new TestObserver();
        var listener = ListenerHarness.Start(observer: observer);
        await using var client = await ListenerHarness.ConnectAsync(listener);
        await observer.Opened;

        await listener.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Default);

        Assert.Equal(DicomAssociationCloseReason.Shutdown, (await observer.Closed).Reason);
        Assert.Equal(0, listener.ActiveAssociations);
        await Assert.ThrowsAnyAsync<DicomNetworkException>(() => client.CEchoAsync().WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task Artim_closes_a_connection_that_never_sends_an_associate_request()
    {
        var clock = new FakeTimeProvider();
        var options = ListenerHarness.Options(time: clock) with { ArtimTimeout = TimeSpan.FromSeconds(30) };
        await using var listener = ListenerHarness.Start(options: options);
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);

        await clock.WhenTimerArmedAsync(TimeSpan.FromSeconds(30)).WaitAsync(TestTimeouts.Default);
        clock.Advance(TimeSpan.FromSeconds(29));
        var closed = peer.ReadUntilClosedAsync();
        Assert.False(closed.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, await closed);
    }

    [Fact]
    public async Task Artim_closes_the_connection_when_the_peer_stays_after_a_reject()
    {
        var clock = new FakeTimeProvider();
        var options = ListenerHarness.Options(time: clock) with { ArtimTimeout = TimeSpan.FromSeconds(30) };
        await using var listener = ListenerHarness.Start(options: options);
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);

        await peer.SendAsync(new AAssociateRQ { CalledAETitle = "NOT_US", CallingAETitle = "RAW" }.ToArray());
        var reject = Assert.IsType<AAssociateRJ>(await peer.ReadPduAsync());
        Assert.Equal(AssociateRejectReason.ServiceUser.CalledAETitleNotRecognized, reject.Reason);

        // AE-8 started ARTIM (Sta13): the listener waits for us to close, then gives up.
        await clock.WhenTimerArmedAsync(TimeSpan.FromSeconds(30)).WaitAsync(TestTimeouts.Default);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await peer.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Idle_association_is_aborted_after_the_idle_timeout()
    {
        var clock = new FakeTimeProvider();
        var observer = new TestObserver();
        var options = ListenerHarness.Options(time: clock) with { IdleTimeout = TimeSpan.FromMinutes(5), ArtimTimeout = TimeSpan.FromSeconds(30) };
        await using var listener = ListenerHarness.Start(observer: observer, options: options);
        await using var client = await ListenerHarness.ConnectAsync(listener);
        await observer.Opened;

        await clock.WhenTimerArmedAsync(TimeSpan.FromMinutes(5)).WaitAsync(TestTimeouts.Default);
        clock.Advance(TimeSpan.FromMinutes(5));

        // The listener sends A-ABORT and waits (ARTIM) for the client to close, which it does on the abort.
        Assert.Equal(DicomAssociationCloseReason.IdleTimeout, (await observer.Closed).Reason);
        await Assert.ThrowsAnyAsync<DicomNetworkException>(() => client.CEchoAsync());
    }

    [Fact]
    public async Task Protocol_version_without_bit_0_is_rejected_by_the_provider()
    {
        await using var listener = ListenerHarness.Start();
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);

        await peer.SendAsync(new AAssociateRQ { ProtocolVersion = 0x0002, CalledAETitle = "ACTORBROKER", CallingAETitle = "RAW" }.ToArray());

        var reject = Assert.IsType<AAssociateRJ>(await peer.ReadPduAsync());
        Assert.Equal(AssociateRejectSource.ServiceProviderAcse, reject.Source);
        Assert.Equal(AssociateRejectReason.ServiceProviderAcse.ProtocolVersionNotSupported, reject.Reason);
    }

    [Fact]
    public async Task Application_context_other_than_dicom_is_rejected_with_reason_2()
    {
        await using var listener = ListenerHarness.Start();
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);

        await peer.SendAsync(new AAssociateRQ { CalledAETitle = "ACTORBROKER", CallingAETitle = "RAW", ApplicationContextName = "1.2.3" }.ToArray());

        var reject = Assert.IsType<AAssociateRJ>(await peer.ReadPduAsync());
        Assert.Equal(AssociateRejectSource.ServiceUser, reject.Source);
        Assert.Equal(AssociateRejectReason.ServiceUser.ApplicationContextNameNotSupported, reject.Reason);
    }
}

using ActorBroker.Dicom.Network;
using static ActorBroker.Dicom.Network.AssociationAction;
using static ActorBroker.Dicom.Network.AssociationEvent;
using static ActorBroker.Dicom.Network.AssociationState;
using Fx = ActorBroker.Dicom.Network.UpperLayerEffects;

namespace ActorBroker.Dicom.Tests.Network;

public sealed class AssociationStateMachineTests
{
    /// <summary>
    /// PS3.8 Table 9-10 written the other way round from the implementation: per action, the
    /// (state, event) cells that trigger it (as Tables 9-6 .. 9-9 and the action descriptions list them).
    /// Every cell not listed is empty.
    /// </summary>
    private static readonly Dictionary<(AssociationState, AssociationEvent), AssociationAction> Expected = BuildExpected();

    private static Dictionary<(AssociationState, AssociationEvent), AssociationAction> BuildExpected()
    {
        var cells = new Dictionary<(AssociationState, AssociationEvent), AssociationAction>();
        void Add(AssociationAction action, AssociationEvent e, params AssociationState[] states)
        {
            foreach (var s in states)
            {
                cells.Add((s, e), action);
            }
        }

        AssociationState[] sta3To12 = [Sta3, Sta4, Sta5, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12];
        AssociationState[] sta3And5To12 = [Sta3, Sta5, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12];

        Add(AE1, Evt1, Sta1);
        Add(AE2, Evt2, Sta4);
        Add(AE3, Evt3, Sta5);
        Add(AE4, Evt4, Sta5);
        Add(AE5, Evt5, Sta1);
        Add(AE6, Evt6, Sta2);
        Add(AE7, Evt7, Sta3);
        Add(AE8, Evt8, Sta3);
        Add(DT1, Evt9, Sta6);
        Add(DT2, Evt10, Sta6);
        Add(AR1, Evt11, Sta6);
        Add(AR2, Evt12, Sta6);
        Add(AR3, Evt13, Sta7, Sta11);
        Add(AR4, Evt14, Sta8, Sta12);
        Add(AR5, Evt17, Sta13);
        Add(AR6, Evt10, Sta7);
        Add(AR7, Evt9, Sta8);
        Add(AR8, Evt12, Sta7);
        Add(AR9, Evt14, Sta9);
        Add(AR10, Evt13, Sta10);

        // AA-1: PDUs arriving in Sta2, and the local A-ABORT request once an association is being set up.
        foreach (var e in new[] { Evt3, Evt4, Evt10, Evt12, Evt13, Evt19 })
        {
            Add(AA1, e, Sta2);
        }

        Add(AA1, Evt15, Sta3, Sta5, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12);

        // AA-2: ARTIM expired or A-ABORT received while no association exists; local abort while connecting.
        Add(AA2, Evt16, Sta2, Sta13);
        Add(AA2, Evt18, Sta2, Sta13);
        Add(AA2, Evt15, Sta4);

        Add(AA3, Evt16, sta3And5To12);
        Add(AA4, Evt17, sta3To12);
        Add(AA5, Evt17, Sta2);
        Add(AA6, Evt3, Sta13);
        Add(AA6, Evt4, Sta13);
        Add(AA6, Evt10, Sta13);
        Add(AA6, Evt12, Sta13);
        Add(AA6, Evt13, Sta13);
        Add(AA7, Evt6, Sta13);
        Add(AA7, Evt19, Sta13);

        // AA-8: a PDU that does not fit the state once an association is being set up or exists.
        Add(AA8, Evt3, Sta3, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12);
        Add(AA8, Evt4, Sta3, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12);
        Add(AA8, Evt6, sta3And5To12);
        Add(AA8, Evt10, Sta3, Sta5, Sta8, Sta9, Sta10, Sta11, Sta12);
        Add(AA8, Evt12, Sta3, Sta5, Sta8, Sta9, Sta10, Sta11, Sta12);
        Add(AA8, Evt13, Sta3, Sta5, Sta6, Sta8, Sta9, Sta12);
        Add(AA8, Evt19, sta3And5To12);
        return cells;
    }

    // The enums are internal, so the theories take their names ("Sta2", "Evt3", "AA1").
    public static TheoryData<string, string> AllCells()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in Enum.GetValues<AssociationState>())
        {
            foreach (var e in Enum.GetValues<AssociationEvent>())
            {
                data.Add(s.ToString(), e.ToString());
            }
        }

        return data;
    }

    public static TheoryData<string, string, string> DefinedCells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var ((s, e), a) in Expected.OrderBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2))
        {
            data.Add(s.ToString(), e.ToString(), a.ToString());
        }

        return data;
    }

    [Fact]
    public void The_table_has_the_123_cells_of_the_standard()
    {
        Assert.Equal(123, Expected.Count);
        var defined = Enum.GetValues<AssociationState>()
            .SelectMany(s => Enum.GetValues<AssociationEvent>().Select(e => AssociationStateMachine.ActionFor(s, e)))
            .Count(a => a != None);
        Assert.Equal(123, defined);
    }

    [Theory]
    [MemberData(nameof(AllCells))]
    public void Every_cell_matches_table_9_10(string stateName, string eventName)
    {
        var state = Enum.Parse<AssociationState>(stateName);
        var associationEvent = Enum.Parse<AssociationEvent>(eventName);
        var expected = Expected.GetValueOrDefault((state, associationEvent), None);
        Assert.Equal(expected, AssociationStateMachine.ActionFor(state, associationEvent));

        var machine = new AssociationStateMachine(state, AssociationRole.Acceptor);
        var fired = machine.TryFire(associationEvent, out var transition);
        Assert.Equal(expected != None, fired);
        if (!fired)
        {
            Assert.Equal(state, machine.State);
            Assert.Throws<InvalidOperationException>(() => machine.Fire(associationEvent));
        }
        else
        {
            Assert.Equal(expected, transition.Action);
            Assert.Equal(transition.To, machine.State);
        }
    }

    [Theory]
    [MemberData(nameof(DefinedCells))]
    public void Every_defined_cell_goes_to_the_next_state_of_its_action_with_its_effects(string stateName, string eventName, string actionName)
    {
        var state = Enum.Parse<AssociationState>(stateName);
        var associationEvent = Enum.Parse<AssociationEvent>(eventName);
        var action = Enum.Parse<AssociationAction>(actionName);
        foreach (var role in new[] { AssociationRole.Requestor, AssociationRole.Acceptor })
        {
            foreach (var acceptable in new[] { true, false })
            {
                var machine = new AssociationStateMachine(state, role);
                var t = machine.Fire(associationEvent, acceptable);
                var (next, effects) = ExpectedOutcome(action, associationEvent, role, acceptable);
                Assert.Equal(next, t.To);
                Assert.Equal(effects, t.Effects);
                Assert.Equal(next, machine.State);
                Assert.Equal(state, t.From);
            }
        }
    }

    /// <summary>Tables 9-6 .. 9-9: next state and what the action does.</summary>
    private static (AssociationState, Fx) ExpectedOutcome(AssociationAction action, AssociationEvent e, AssociationRole role, bool acceptable) => action switch
    {
        AE1 => (Sta4, Fx.ConnectTransport),
        AE2 => (Sta5, Fx.SendAAssociateRQ),
        AE3 => (Sta6, Fx.IndicateAssociateAccept),
        AE4 => (Sta1, Fx.IndicateAssociateReject | Fx.CloseTransport),
        AE5 => (Sta2, Fx.StartArtim),
        AE6 when acceptable => (Sta3, Fx.StopArtim | Fx.IndicateAssociateRequest),
        AE6 => (Sta13, Fx.SendAAssociateRJ | Fx.StartArtim),
        AE7 => (Sta6, Fx.SendAAssociateAC),
        AE8 => (Sta13, Fx.SendAAssociateRJ | Fx.StartArtim),
        DT1 => (Sta6, Fx.SendPDataTF),
        DT2 => (Sta6, Fx.IndicatePData),
        AR1 => (Sta7, Fx.SendAReleaseRQ),
        AR2 => (Sta8, Fx.IndicateReleaseRequest),
        AR3 => (Sta1, Fx.IndicateReleaseConfirm | Fx.CloseTransport),
        AR4 => (Sta13, Fx.SendAReleaseRP | Fx.StartArtim),
        AR5 => (Sta1, Fx.StopArtim),
        AR6 => (Sta7, Fx.IndicatePData),
        AR7 => (Sta8, Fx.SendPDataTF),
        AR8 => (role == AssociationRole.Requestor ? Sta9 : Sta10, Fx.IndicateReleaseCollision),
        AR9 => (Sta11, Fx.SendAReleaseRP),
        AR10 => (Sta12, Fx.IndicateReleaseConfirm),
        AA1 => (Sta13, (e == Evt15 ? Fx.SendAAbortServiceUser : Fx.SendAAbortServiceProvider) | Fx.StartArtim),
        AA2 => (Sta1, Fx.StopArtim | Fx.CloseTransport),
        AA3 => (Sta1, Fx.IndicateAbort | Fx.CloseTransport),
        AA4 => (Sta1, Fx.IndicateProviderAbort),
        AA5 => (Sta1, Fx.StopArtim),
        AA6 => (Sta13, Fx.IgnorePdu),
        AA7 => (Sta13, Fx.SendAAbortServiceProvider),
        AA8 => (Sta13, Fx.SendAAbortServiceProvider | Fx.IndicateProviderAbort | Fx.StartArtim),
        _ => throw new InvalidOperationException(action.ToString()),
    };

    [Fact]
    public void Acceptor_happy_path_with_release()
    {
        var m = new AssociationStateMachine();
        Assert.Equal(AE5, m.Fire(Evt5).Action);
        Assert.True(m.IsArtimRunning);
        Assert.Equal(AE6, m.Fire(Evt6).Action);
        Assert.False(m.IsArtimRunning);
        Assert.Equal(AE7, m.Fire(Evt7).Action);
        Assert.Equal(DT2, m.Fire(Evt10).Action);
        Assert.Equal(DT1, m.Fire(Evt9).Action);
        Assert.Equal(AR2, m.Fire(Evt12).Action);
        Assert.Equal(AR7, m.Fire(Evt9).Action); // a last response while the release is pending
        Assert.Equal(AR4, m.Fire(Evt14).Action);
        Assert.True(m.IsArtimRunning);
        Assert.Equal(AR5, m.Fire(Evt17).Action);
        Assert.Equal(Sta1, m.State);
        Assert.False(m.IsArtimRunning);
        Assert.Equal(AssociationRole.Acceptor, m.Role);
    }

    [Fact]
    public void Requestor_happy_path_with_release()
    {
        var m = new AssociationStateMachine();
        Assert.Equal(AE1, m.Fire(Evt1).Action);
        Assert.Equal(AssociationRole.Requestor, m.Role);
        Assert.Equal(AE2, m.Fire(Evt2).Action);
        Assert.Equal(AE3, m.Fire(Evt3).Action);
        Assert.Equal(DT1, m.Fire(Evt9).Action);
        Assert.Equal(DT2, m.Fire(Evt10).Action);
        Assert.Equal(AR1, m.Fire(Evt11).Action);
        Assert.Equal(AR6, m.Fire(Evt10).Action); // a late response before the A-RELEASE-RP
        var last = m.Fire(Evt13);
        Assert.Equal(AR3, last.Action);
        Assert.True(last.Has(Fx.CloseTransport));
        Assert.Equal(Sta1, m.State);
    }

    [Fact]
    public void Release_collision_requestor_side()
    {
        var m = new AssociationStateMachine(Sta6, AssociationRole.Requestor);
        m.Fire(Evt11);
        Assert.Equal(Sta9, m.Fire(Evt12).To);   // AR-8
        Assert.Equal(Sta11, m.Fire(Evt14).To);  // AR-9: send A-RELEASE-RP
        Assert.Equal(Sta1, m.Fire(Evt13).To);   // AR-3
    }

    [Fact]
    public void Release_collision_acceptor_side()
    {
        var m = new AssociationStateMachine(Sta6, AssociationRole.Acceptor);
        m.Fire(Evt11);
        Assert.Equal(Sta10, m.Fire(Evt12).To);  // AR-8
        Assert.Equal(Sta12, m.Fire(Evt13).To);  // AR-10
        Assert.Equal(Sta13, m.Fire(Evt14).To);  // AR-4
        Assert.Equal(Sta1, m.Fire(Evt17).To);   // AR-5
    }

    [Fact]
    public void Rejected_protocol_version_goes_to_sta13_and_artim_closes()
    {
        var m = new AssociationStateMachine();
        m.Fire(Evt5);
        var t = m.Fire(Evt6, requestAcceptable: false);
        Assert.Equal(Sta13, t.To);
        Assert.True(t.Has(Fx.SendAAssociateRJ));
        Assert.True(m.IsArtimRunning);
        var expired = m.Fire(Evt18);
        Assert.Equal(AA2, expired.Action);
        Assert.True(expired.Has(Fx.CloseTransport));
        Assert.False(m.IsArtimRunning);
    }

    [Fact]
    public void Aa1_restarts_a_running_artim()
    {
        var m = new AssociationStateMachine();
        m.Fire(Evt5);
        var t = m.Fire(Evt10); // P-DATA-TF before any A-ASSOCIATE-RQ
        Assert.Equal(AA1, t.Action);
        Assert.True(t.Has(Fx.StartArtim));
        Assert.True(t.Has(Fx.SendAAbortServiceProvider));
        Assert.True(m.IsArtimRunning);
    }
}

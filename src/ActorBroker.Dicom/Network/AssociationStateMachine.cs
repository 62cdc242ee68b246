namespace ActorBroker.Dicom.Network;

/// <summary>
/// The DICOM Upper Layer protocol state machine of PS3.8 9.2 as a pure class: it holds the state,
/// the role and whether ARTIM runs, and turns each event into a <see cref="AssociationTransition"/>
/// (action, next state, effects). It performs no I/O; the association and client shells execute
/// the effects. Not thread-safe: the shell serializes events.
/// </summary>
internal sealed class AssociationStateMachine
{
    // PS3.8 Table 9-10 DICOM Upper Layer Protocol State Transition Table, transcribed row by row
    // (events) and column by column (Sta1 .. Sta13). "-" is an empty cell (event not possible in that state).
    private static readonly string[] TableRows =
    [
        //       Sta1  Sta2  Sta3  Sta4  Sta5  Sta6  Sta7  Sta8  Sta9  Sta10 Sta11 Sta12 Sta13
        "Evt1    AE-1  -     -     -     -     -     -     -     -     -     -     -     -",
        "Evt2    -     -     -     AE-2  -     -     -     -     -     -     -     -     -",
        "Evt3    -     AA-1  AA-8  -     AE-3  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-6",
        "Evt4    -     AA-1  AA-8  -     AE-4  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-6",
        "Evt5    AE-5  -     -     -     -     -     -     -     -     -     -     -     -",
        "Evt6    -     AE-6  AA-8  -     AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-7",
        "Evt7    -     -     AE-7  -     -     -     -     -     -     -     -     -     -",
        "Evt8    -     -     AE-8  -     -     -     -     -     -     -     -     -     -",
        "Evt9    -     -     -     -     -     DT-1  -     AR-7  -     -     -     -     -",
        "Evt10   -     AA-1  AA-8  -     AA-8  DT-2  AR-6  AA-8  AA-8  AA-8  AA-8  AA-8  AA-6",
        "Evt11   -     -     -     -     -     AR-1  -     -     -     -     -     -     -",
        "Evt12   -     AA-1  AA-8  -     AA-8  AR-2  AR-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-6",
        "Evt13   -     AA-1  AA-8  -     AA-8  AA-8  AR-3  AA-8  AA-8  AR-10 AR-3  AA-8  AA-6",
        "Evt14   -     -     -     -     -     -     -     AR-4  AR-9  -     -     AR-4  -",
        "Evt15   -     -     AA-1  AA-2  AA-1  AA-1  AA-1  AA-1  AA-1  AA-1  AA-1  AA-1  -",
        "Evt16   -     AA-2  AA-3  -     AA-3  AA-3  AA-3  AA-3  AA-3  AA-3  AA-3  AA-3  AA-2",
        "Evt17   -     AA-5  AA-4  AA-4  AA-4  AA-4  AA-4  AA-4  AA-4  AA-4  AA-4  AA-4  AR-5",
        "Evt18   -     AA-2  -     -     -     -     -     -     -     -     -     -     AA-2",
        "Evt19   -     AA-1  AA-8  -     AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-7",
    ];

    private static readonly AssociationAction[,] Table = BuildTable();

    public AssociationStateMachine()
    {
    }

    /// <summary>A machine already in <paramref name="state"/> (tests of single cells, a channel over a test stream).</summary>
    public AssociationStateMachine(AssociationState state, AssociationRole role)
    {
        State = state;
        Role = role;
    }

    public AssociationState State { get; private set; } = AssociationState.Sta1;

    public AssociationRole Role { get; private set; }

    public bool IsArtimRunning { get; private set; }

    /// <summary>The action of Table 9-10 for a cell; <see cref="AssociationAction.None"/> for an empty cell.</summary>
    public static AssociationAction ActionFor(AssociationState state, AssociationEvent associationEvent) =>
        Table[(int)state, (int)associationEvent];

    /// <summary>
    /// Applies an event. <paramref name="requestAcceptable"/> is the service-provider's verdict on an
    /// A-ASSOCIATE-RQ (AE-6); it is ignored for other events. Returns false (state unchanged) for an
    /// empty cell of Table 9-10.
    /// </summary>
    public bool TryFire(AssociationEvent associationEvent, out AssociationTransition transition, bool requestAcceptable = true)
    {
        var from = State;
        var action = ActionFor(from, associationEvent);
        if (action == AssociationAction.None)
        {
            transition = new AssociationTransition(from, associationEvent, AssociationAction.None, from, UpperLayerEffects.None);
            return false;
        }

        if (associationEvent == AssociationEvent.Evt1)
        {
            Role = AssociationRole.Requestor;
        }
        else if (associationEvent == AssociationEvent.Evt5)
        {
            Role = AssociationRole.Acceptor;
        }

        var (to, effects) = Apply(action, associationEvent, requestAcceptable);
        if ((effects & UpperLayerEffects.StartArtim) != 0)
        {
            IsArtimRunning = true;
        }
        else if ((effects & UpperLayerEffects.StopArtim) != 0 || to == AssociationState.Sta1)
        {
            IsArtimRunning = false;
        }

        State = to;
        transition = new AssociationTransition(from, associationEvent, action, to, effects);
        return true;
    }

    /// <summary>Applies an event; an empty cell of Table 9-10 is a programming error of the shell.</summary>
    public AssociationTransition Fire(AssociationEvent associationEvent, bool requestAcceptable = true) =>
        TryFire(associationEvent, out var transition, requestAcceptable)
            ? transition
            : throw new InvalidOperationException($"{associationEvent} is not a valid event in {State} (PS3.8 Table 9-10).");

    private (AssociationState To, UpperLayerEffects Effects) Apply(AssociationAction action, AssociationEvent associationEvent, bool requestAcceptable) => action switch
    {
        AssociationAction.AE1 => (AssociationState.Sta4, UpperLayerEffects.ConnectTransport),
        AssociationAction.AE2 => (AssociationState.Sta5, UpperLayerEffects.SendAAssociateRQ),
        AssociationAction.AE3 => (AssociationState.Sta6, UpperLayerEffects.IndicateAssociateAccept),
        AssociationAction.AE4 => (AssociationState.Sta1, UpperLayerEffects.IndicateAssociateReject | UpperLayerEffects.CloseTransport),
        AssociationAction.AE5 => (AssociationState.Sta2, UpperLayerEffects.StartArtim),
        AssociationAction.AE6 => requestAcceptable
            ? (AssociationState.Sta3, UpperLayerEffects.StopArtim | UpperLayerEffects.IndicateAssociateRequest)
            : (AssociationState.Sta13, UpperLayerEffects.SendAAssociateRJ | UpperLayerEffects.StartArtim),
        AssociationAction.AE7 => (AssociationState.Sta6, UpperLayerEffects.SendAAssociateAC),
        AssociationAction.AE8 => (AssociationState.Sta13, UpperLayerEffects.SendAAssociateRJ | UpperLayerEffects.StartArtim),
        AssociationAction.DT1 => (AssociationState.Sta6, UpperLayerEffects.SendPDataTF),
        AssociationAction.DT2 => (AssociationState.Sta6, UpperLayerEffects.IndicatePData),
        AssociationAction.AR1 => (AssociationState.Sta7, UpperLayerEffects.SendAReleaseRQ),
        AssociationAction.AR2 => (AssociationState.Sta8, UpperLayerEffects.IndicateReleaseRequest),
        AssociationAction.AR3 => (AssociationState.Sta1, UpperLayerEffects.IndicateReleaseConfirm | UpperLayerEffects.CloseTransport),
        AssociationAction.AR4 => (AssociationState.Sta13, UpperLayerEffects.SendAReleaseRP | UpperLayerEffects.StartArtim),
        AssociationAction.AR5 => (AssociationState.Sta1, UpperLayerEffects.StopArtim),
        AssociationAction.AR6 => (AssociationState.Sta7, UpperLayerEffects.IndicatePData),
        AssociationAction.AR7 => (AssociationState.Sta8, UpperLayerEffects.SendPDataTF),
        AssociationAction.AR8 => (
            Role == AssociationRole.Requestor ? AssociationState.Sta9 : AssociationState.Sta10,
            UpperLayerEffects.IndicateReleaseCollision),
        AssociationAction.AR9 => (AssociationState.Sta11, UpperLayerEffects.SendAReleaseRP),
        AssociationAction.AR10 => (AssociationState.Sta12, UpperLayerEffects.IndicateReleaseConfirm),

        // Table 9-9 names the source of AA-1 "service-user". AA-1 also answers PDUs that arrive in
        // Sta2, before any service-user exists; there the UL provider detected the fault, so the abort
        // is sent with source 2 (service-provider) and the diagnosed reason. Evt15 (a local user's
        // A-ABORT request) keeps source 0.
        AssociationAction.AA1 => (
            AssociationState.Sta13,
            (associationEvent == AssociationEvent.Evt15 ? UpperLayerEffects.SendAAbortServiceUser : UpperLayerEffects.SendAAbortServiceProvider)
                | UpperLayerEffects.StartArtim),
        AssociationAction.AA2 => (AssociationState.Sta1, UpperLayerEffects.StopArtim | UpperLayerEffects.CloseTransport),
        AssociationAction.AA3 => (AssociationState.Sta1, UpperLayerEffects.IndicateAbort | UpperLayerEffects.CloseTransport),
        AssociationAction.AA4 => (AssociationState.Sta1, UpperLayerEffects.IndicateProviderAbort),
        AssociationAction.AA5 => (AssociationState.Sta1, UpperLayerEffects.StopArtim),
        AssociationAction.AA6 => (AssociationState.Sta13, UpperLayerEffects.IgnorePdu),
        AssociationAction.AA7 => (AssociationState.Sta13, UpperLayerEffects.SendAAbortServiceProvider),
        AssociationAction.AA8 => (
            AssociationState.Sta13,
            UpperLayerEffects.SendAAbortServiceProvider | UpperLayerEffects.IndicateProviderAbort | UpperLayerEffects.StartArtim),
        _ => throw new InvalidOperationException($"Unknown action {action}."),
    };

    private static AssociationAction[,] BuildTable()
    {
        var table = new AssociationAction[14, 20];
        foreach (var row in TableRows)
        {
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var associationEvent = Enum.Parse<AssociationEvent>(cells[0]);
            if (cells.Length != 14)
            {
                throw new InvalidOperationException($"Row {cells[0]} of the transition table has {cells.Length - 1} cells.");
            }

            for (var state = 1; state <= 13; state++)
            {
                var cell = cells[state];
                table[state, (int)associationEvent] = cell == "-"
                    ? AssociationAction.None
                    : Enum.Parse<AssociationAction>(cell.Replace("-", string.Empty, StringComparison.Ordinal));
            }
        }

        return table;
    }
}

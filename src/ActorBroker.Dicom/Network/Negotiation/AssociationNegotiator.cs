using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Network.Negotiation;

/// <summary>
/// Acceptor-side negotiation of an A-ASSOCIATE-RQ against an <see cref="AssociationPolicy"/>
/// (PS3.8 7.1.1 and 9.3.3, PS3.7 D.3.3). Pure: no I/O.
/// </summary>
internal static class AssociationNegotiator
{
    /// <summary>The Asynchronous Operations Window we answer with: 1 invoked / 1 performed, i.e. synchronous.</summary>
    public static readonly AsynchronousOperationsWindow SynchronousWindow = new(1, 1);

    public static NegotiationResult Negotiate(AssociationPolicy policy, AAssociateRQ request)
    {
        // PS3.7 A.2.1: the DICOM application context is the only one.
        if (!string.Equals(request.ApplicationContextName, WellKnownUids.DicomApplicationContext, StringComparison.Ordinal))
        {
            return Reject(request, AssociateRejectReason.ServiceUser.ApplicationContextNameNotSupported);
        }

        if (!string.Equals(request.CalledAETitle, policy.AETitle.Trim(), StringComparison.Ordinal))
        {
            return Reject(request, AssociateRejectReason.ServiceUser.CalledAETitleNotRecognized);
        }

        if (!policy.AcceptAnyCallingAE && !policy.AllowedCallingAETitles.Contains(request.CallingAETitle))
        {
            return Reject(request, AssociateRejectReason.ServiceUser.CallingAETitleNotRecognized);
        }

        var supported = new Dictionary<string, SupportedAbstractSyntax>(StringComparer.Ordinal);
        foreach (var syntax in policy.AbstractSyntaxes)
        {
            supported.TryAdd(syntax.AbstractSyntaxUid, syntax);
        }

        var seenIds = new HashSet<byte>();
        var items = new List<PresentationContextACItem>(request.PresentationContexts.Count);
        var contexts = new List<PresentationContext>(request.PresentationContexts.Count);
        foreach (var proposed in request.PresentationContexts)
        {
            var (result, transferSyntax) = NegotiateContext(proposed, supported, seenIds);
            items.Add(new PresentationContextACItem(
                proposed.Id,
                result,
                result == PresentationContextResult.Acceptance ? transferSyntax : (proposed.TransferSyntaxes.Count > 0 ? proposed.TransferSyntaxes[0] : string.Empty)));
            contexts.Add(new PresentationContext(proposed.Id, proposed.AbstractSyntax, result, transferSyntax));
        }

        // PS3.7 D.3.3.4: answer a role selection for an abstract syntax we accept. We are SCP for our
        // services; the requestor may stay SCU (as it proposed) and may not become SCP.
        var roles = request.UserInformation.RoleSelections
            .Where(role => supported.ContainsKey(role.SopClassUid))
            .Select(role => new ScpScuRoleSelection(role.SopClassUid, role.ScuRole, ScpRole: false))
            .ToList();

        var accept = new AAssociateAC
        {
            CalledAETitle = request.CalledAETitle,
            CallingAETitle = request.CallingAETitle,
            ApplicationContextName = WellKnownUids.DicomApplicationContext,
            PresentationContexts = items,
            UserInformation = new UserInformation
            {
                MaximumLength = policy.MaxPduLength,
                ImplementationClassUid = policy.ImplementationClassUid,
                ImplementationVersionName = policy.ImplementationVersionName,

                // PS3.7 D.3.3.3: only answered when proposed; we perform one operation at a time.
                AsynchronousOperationsWindow = request.UserInformation.AsynchronousOperationsWindow is null ? null : SynchronousWindow,
                RoleSelections = roles,
            },
        };

        return new NegotiationResult(accept, null, contexts, request.UserInformation.MaximumLength ?? 0);
    }

    private static (PresentationContextResult Result, string TransferSyntax) NegotiateContext(
        PresentationContextRQItem proposed,
        Dictionary<string, SupportedAbstractSyntax> supported,
        HashSet<byte> seenIds)
    {
        // PS3.8 9.3.2.2: context IDs are odd integers 1-255, unique within the association.
        if ((proposed.Id & 1) == 0 || !seenIds.Add(proposed.Id))
        {
            return (PresentationContextResult.NoReason, string.Empty);
        }

        if (!supported.TryGetValue(proposed.AbstractSyntax, out var syntax))
        {
            return (PresentationContextResult.AbstractSyntaxNotSupported, string.Empty);
        }

        foreach (var ours in syntax.TransferSyntaxUids)
        {
            if (proposed.TransferSyntaxes.Contains(ours, StringComparer.Ordinal))
            {
                return (PresentationContextResult.Acceptance, ours);
            }
        }

        return (PresentationContextResult.TransferSyntaxesNotSupported, string.Empty);
    }

    private static NegotiationResult Reject(AAssociateRQ request, byte reason) =>
        new(
            null,
            new AAssociateRJ(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, reason),
            [],
            request.UserInformation.MaximumLength ?? 0);
}

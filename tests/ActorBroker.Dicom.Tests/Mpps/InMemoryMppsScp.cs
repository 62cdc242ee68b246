using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Tests.Mpps;

/// <summary>
/// The MPPS SCP the broker's entity is, in miniature: a dictionary instead of a journal, the same calls to
/// <see cref="MppsRules"/> and <see cref="MppsResponses"/>.
/// </summary>
internal sealed class InMemoryMppsScp : INCreateProvider, INSetProvider
{
    private readonly Dictionary<string, MppsAttributes> _instances = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public IReadOnlyDictionary<string, MppsAttributes> Instances
    {
        get
        {
            lock (_gate) return new Dictionary<string, MppsAttributes>(_instances);
        }
    }

    public ValueTask<NCreateResponse> OnNCreateAsync(DicomAssociationContext context, NCreateRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var uid = request.AffectedSOPInstanceUID;
            MppsOutcome outcome = MppsRules.CheckSopClass(request.AffectedSOPClassUID)
                ?? MppsRules.Create(uid is not null && _instances.ContainsKey(uid), uid, request.Dataset);
            if (outcome is MppsOutcome.Accepted accepted) _instances[uid!] = accepted.Attributes;
            return ValueTask.FromResult(MppsResponses.ForCreate(request, outcome));
        }
    }

    public ValueTask<NSetResponse> OnNSetAsync(DicomAssociationContext context, NSetRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var uid = request.RequestedSOPInstanceUID;
            MppsOutcome outcome = MppsRules.CheckSopClass(request.RequestedSOPClassUID)
                ?? MppsRules.Set(_instances.GetValueOrDefault(uid), uid, request.Dataset);
            if (outcome is MppsOutcome.Accepted accepted) _instances[uid] = accepted.Attributes;
            return ValueTask.FromResult(MppsResponses.ForSet(request, outcome));
        }
    }
}

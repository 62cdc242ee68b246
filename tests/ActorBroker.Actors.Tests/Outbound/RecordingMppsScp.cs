using System.Threading.Channels;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Dicom.Network;

namespace ActorBroker.Actors.Tests.Outbound;

/// <summary>
/// A PACS's MPPS SCP for forwarding tests: judges each request by the same <see cref="MppsRules"/> the broker uses
/// (so a forwarded dataset must be a valid one), keeps the instances, and lets the test await every request.
/// </summary>
internal sealed class RecordingMppsScp : INCreateProvider, INSetProvider
{
    private readonly Dictionary<string, MppsAttributes> _instances = new(StringComparer.Ordinal);
    private readonly Channel<(string Operation, string Uid, string CallingAe, DicomDataset Dataset, MppsOutcome Outcome)> _requests =
        Channel.CreateUnbounded<(string, string, string, DicomDataset, MppsOutcome)>();

    private readonly Lock _gate = new();

    public ChannelReader<(string Operation, string Uid, string CallingAe, DicomDataset Dataset, MppsOutcome Outcome)> Requests => _requests.Reader;

    public ValueTask<NCreateResponse> OnNCreateAsync(DicomAssociationContext context, NCreateRequest request, CancellationToken cancellationToken)
    {
        var uid = request.AffectedSOPInstanceUID ?? "";
        var dataset = request.Dataset ?? new DicomDataset();
        MppsOutcome outcome;
        lock (_gate)
        {
            outcome = MppsRules.CheckSopClass(request.AffectedSOPClassUID) ?? MppsRules.Create(_instances.ContainsKey(uid), uid, dataset);
            if (outcome is MppsOutcome.Accepted a)
            {
                _instances[uid] = a.Attributes;
            }
        }

        _requests.Writer.TryWrite(("N-CREATE", uid, context.CallingAETitle.Trim(), dataset, outcome));
        return ValueTask.FromResult(MppsResponses.ForCreate(request, outcome));
    }

    public ValueTask<NSetResponse> OnNSetAsync(DicomAssociationContext context, NSetRequest request, CancellationToken cancellationToken)
    {
        var uid = request.RequestedSOPInstanceUID;
        var dataset = request.Dataset ?? new DicomDataset();
        MppsOutcome outcome;
        lock (_gate)
        {
            outcome = MppsRules.CheckSopClass(request.RequestedSOPClassUID) ?? MppsRules.Set(_instances.GetValueOrDefault(uid), uid, dataset);
            if (outcome is MppsOutcome.Accepted a)
            {
                _instances[uid] = a.Attributes;
            }
        }

        _requests.Writer.TryWrite(("N-SET", uid, context.CallingAETitle.Trim(), dataset, outcome));
        return ValueTask.FromResult(MppsResponses.ForSet(request, outcome));
    }
}

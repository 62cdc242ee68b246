using System.Diagnostics;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;

namespace ActorBroker.LoadGen;

/// <summary>
/// One modality's worth of MPPS: for each of its pairs an N-CREATE (IN PROGRESS) and, when that
/// succeeded, the N-SET (COMPLETED) right after its response. Either on one association kept for all
/// its pairs (re-opened after a failure), or with --assoc-per-step a new association per request, as
/// many modalities do (open, N-CREATE, release; open, N-SET, release).
/// </summary>
internal sealed class MppsWorker
{
    private readonly MppsOptions _options;
    private readonly IReadOnlyList<MppsPair> _pairs;
    private readonly MppsTimeline _timeline;
    private readonly DicomClientOptions _client;

    public MppsWorker(MppsOptions options, IReadOnlyList<MppsPair> pairs, MppsTimeline timeline)
    {
        _options = options;
        _pairs = pairs;
        _timeline = timeline;
        _client = new DicomClientOptions
        {
            Host = options.Host,
            Port = options.DicomPort,
            CallingAETitle = options.CallingAe,
            CalledAETitle = options.CalledAe,
            PresentationContexts = [new SupportedAbstractSyntax(WellKnownUids.ModalityPerformedProcedureStep)],
            ResponseTimeout = options.Timeout,
        };
    }

    public async Task RunAsync(CancellationToken ct)
    {
        DicomClient? client = null;
        try
        {
            foreach (var pair in _pairs)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    client ??= await ConnectAsync(ct);
                    if (!await CreateAsync(client, pair, ct))
                    {
                        continue;
                    }

                    if (_options.AssocPerStep)
                    {
                        await ReleaseAsync(client);
                        client = await ConnectAsync(ct);
                    }

                    await SetAsync(client, pair, ct);
                    if (_options.AssocPerStep)
                    {
                        await ReleaseAsync(client);
                        client = null;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Refused, rejected, aborted, timed out: the pair fails, the next one gets a new association.
                    _timeline.AddError($"{e.GetType().Name}: {e.Message}");
                    if (client is not null)
                    {
                        await client.DisposeAsync();
                        client = null;
                    }
                }
            }

            if (client is not null)
            {
                await ReleaseAsync(client);
                client = null;
            }
        }
        finally
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }
    }

    private Task<DicomClient> ConnectAsync(CancellationToken ct) => DicomClient.ConnectAsync(_client, ct);

    private static async Task ReleaseAsync(DicomClient client)
    {
        try
        {
            await client.ReleaseAsync();
        }
        finally
        {
            await client.DisposeAsync();
        }
    }

    // DICOM PS3.4 F.7.2.1: the SCU supplies the Affected SOP Instance UID of the new MPPS.
    private async Task<bool> CreateAsync(DicomClient client, MppsPair pair, CancellationToken ct)
    {
        var request = new NCreateRequest
        {
            AffectedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
            AffectedSOPInstanceUID = pair.MppsUid,
            Dataset = MppsDatasets.Create(pair, _options.CallingAe, _options.Modality, DateTime.Now),
        };
        _timeline.CreateSent[pair.Index] = Stopwatch.GetTimestamp();
        var response = await client.NCreateAsync(request, ct);
        _timeline.CreateDone[pair.Index] = Stopwatch.GetTimestamp();
        _timeline.CreateStatus[pair.Index] = response.Status.Code;
        return response.Status.Code == DicomStatus.Success.Code;
    }

    // DICOM PS3.4 F.7.2.2: N-SET on the instance the N-CREATE made, to its final state.
    private async Task SetAsync(DicomClient client, MppsPair pair, CancellationToken ct)
    {
        var request = new NSetRequest
        {
            RequestedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
            RequestedSOPInstanceUID = pair.MppsUid,
            Dataset = MppsDatasets.Set(_options.Images, DateTime.Now),
        };
        _timeline.SetSent[pair.Index] = Stopwatch.GetTimestamp();
        var response = await client.NSetAsync(request, ct);
        _timeline.SetDone[pair.Index] = Stopwatch.GetTimestamp();
        _timeline.SetStatus[pair.Index] = response.Status.Code;
    }
}

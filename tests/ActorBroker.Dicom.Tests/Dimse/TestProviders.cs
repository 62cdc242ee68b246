using System.Runtime.CompilerServices;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Tests.Dimse;

internal static class Worklist
{
    public static DicomDataset Item(string accession, string patientName) =>
        new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.AccessionNumber, DicomVR.SH, accession)
            .Set(DicomTags.PatientName, DicomVR.PN, patientName)
            .Set(DicomTags.PatientID, DicomVR.LO, "PID-" + accession);

    public static DicomDataset Query() =>
        new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .SetEmpty(DicomTags.AccessionNumber, DicomVR.SH)
            .Set(DicomTags.PatientName, DicomVR.PN, "*");
}

/// <summary>Yields fixed matches; optionally waits for the test between matches to prove streaming.</summary>
internal sealed class FixedFindProvider(IReadOnlyList<DicomDataset> matches, Func<int, Task>? beforeMatch = null) : ICFindProvider
{
    public CFindRequest? LastRequest { get; private set; }

    public async IAsyncEnumerable<CFindResponse> OnCFindAsync(DicomAssociationContext context, CFindRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LastRequest = request;
        for (var i = 0; i < matches.Count; i++)
        {
            if (beforeMatch is not null)
            {
                await beforeMatch(i).WaitAsync(cancellationToken);
            }

            yield return CFindResponse.Pending(matches[i]);
        }
    }
}

/// <summary>Yields a few matches, then waits for cancellation (a query that would go on for ever).</summary>
internal sealed class EndlessFindProvider(int matchesBeforeWaiting) : ICFindProvider
{
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Cancelled => _cancelled.Task;

    public async IAsyncEnumerable<CFindResponse> OnCFindAsync(DicomAssociationContext context, CFindRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() => _cancelled.TrySetResult());
        for (var i = 0; i < matchesBeforeWaiting; i++)
        {
            yield return CFindResponse.Pending(Worklist.Item($"ACC{i}", $"Patient^{i}"));
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield return CFindResponse.Pending(Worklist.Item("never", "Never^Sent"));
    }
}

internal sealed class FailingFindProvider(Exception? exception, CFindResponse? final) : ICFindProvider
{
    public async IAsyncEnumerable<CFindResponse> OnCFindAsync(DicomAssociationContext context, CFindRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return CFindResponse.Pending(Worklist.Item("A1", "One^Patient"));
        if (exception is not null)
        {
            throw exception;
        }

        yield return final!;
        yield return CFindResponse.Pending(Worklist.Item("A2", "Not^Sent"));
    }
}

internal sealed class RecordingStoreProvider : ICStoreProvider
{
    public CStoreRequest? Received { get; private set; }

    public ValueTask<CStoreResponse> OnCStoreAsync(DicomAssociationContext context, CStoreRequest request, CancellationToken cancellationToken)
    {
        Received = request;
        return ValueTask.FromResult(new CStoreResponse { Status = DicomStatus.Success });
    }
}

/// <summary>An MPPS SCP in miniature: N-CREATE records the instance, N-SET needs it to exist.</summary>
internal sealed class MppsProvider : INCreateProvider, INSetProvider
{
    private readonly Dictionary<string, DicomDataset> _instances = [];

    public IReadOnlyDictionary<string, DicomDataset> Instances => _instances;

    public ValueTask<NCreateResponse> OnNCreateAsync(DicomAssociationContext context, NCreateRequest request, CancellationToken cancellationToken)
    {
        var uid = request.AffectedSOPInstanceUID!;
        if (!_instances.TryAdd(uid, request.Dataset!))
        {
            return ValueTask.FromResult(new NCreateResponse { Status = DicomStatus.DuplicateSOPInstance });
        }

        return ValueTask.FromResult(new NCreateResponse { Status = DicomStatus.Success });
    }

    public ValueTask<NSetResponse> OnNSetAsync(DicomAssociationContext context, NSetRequest request, CancellationToken cancellationToken)
    {
        if (!_instances.TryGetValue(request.RequestedSOPInstanceUID, out var instance))
        {
            return ValueTask.FromResult(new NSetResponse { Status = DicomStatus.NoSuchObjectInstance, ErrorComment = "unknown MPPS instance" });
        }

        foreach (var element in request.Dataset!)
        {
            instance.Set(element);
        }

        return ValueTask.FromResult(new NSetResponse { Status = DicomStatus.Success });
    }
}

/// <summary>Yields large matches until cancelled: fills a peer that does not read.</summary>
internal sealed class FloodFindProvider : ICFindProvider
{
    private readonly TaskCompletionSource _flooding = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once 40 matches (2.4 MB) were handed to the association.</summary>
    public Task Flooding => _flooding.Task;

    public async IAsyncEnumerable<CFindResponse> OnCFindAsync(DicomAssociationContext context, CFindRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var big = new string('x', 60 * 1024);
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            if (i == 40)
            {
                _flooding.TrySetResult();
            }

            await Task.Yield();
            yield return CFindResponse.Pending(Worklist.Item($"ACC{i}", "Flood^Patient").Set(DicomTags.RequestedProcedureDescription, DicomVR.LO, "x").Set(new DicomTag(0x0009, 0x1010), DicomVR.UT, big));
        }
    }
}

/// <summary>
/// Yields <paramref name="count"/> matches without waiting (as the worklist does), reusing one response instance per
/// distinct item as a provider that keeps its responses does; match <paramref name="warningAt"/> on is FF01; throws
/// after <paramref name="failAfter"/> matches when set.
/// </summary>
internal sealed class ManyFindProvider(int count, int warningAt = int.MaxValue, int? failAfter = null) : ICFindProvider
{
    private readonly CFindResponse[] _kept = Enumerable.Range(0, 5).Select(i => CFindResponse.Pending(Worklist.Item($"K{i}", $"Kept^{i}"))).ToArray();

    public static string Accession(int i) => i % 3 == 0 ? $"K{i % 5}" : $"N{i}";

    public async IAsyncEnumerable<CFindResponse> OnCFindAsync(DicomAssociationContext context, CFindRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        for (var i = 0; i < count; i++)
        {
            if (i == failAfter)
            {
                throw new InvalidOperationException("index offline");
            }

            var response = i % 3 == 0 ? _kept[i % 5] : CFindResponse.Pending(Worklist.Item(Accession(i), $"New^{i}"));
            yield return i >= warningAt ? response with { Status = DicomStatus.PendingWarning } : response;
        }
    }
}

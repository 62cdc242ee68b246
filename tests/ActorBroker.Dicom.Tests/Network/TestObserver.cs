using System.Collections.Concurrent;
using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Tests.Network;

/// <summary>Records association events; tests await them instead of sleeping.</summary>
internal sealed class TestObserver : IDicomAssociationObserver
{
    private readonly TaskCompletionSource<DicomAssociationContext> _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<(AssociationRequestInfo, AssociationRejection)> _rejected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<(DicomAssociationContext, DicomAssociationCloseReason)> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Events { get; } = new();

    public Task<DicomAssociationContext> Opened => _opened.Task.WaitAsync(TestTimeouts.Default);

    public Task<(AssociationRequestInfo Request, AssociationRejection Rejection)> Rejected => _rejected.Task.WaitAsync(TestTimeouts.Default);

    public Task<(DicomAssociationContext Context, DicomAssociationCloseReason Reason)> Closed => _closed.Task.WaitAsync(TestTimeouts.Default);

    public void OnAssociationOpened(DicomAssociationContext context)
    {
        Events.Enqueue($"opened {context.CallingAETitle}");
        _opened.TrySetResult(context);
    }

    public void OnAssociationRejected(AssociationRequestInfo request, AssociationRejection rejection)
    {
        Events.Enqueue($"rejected {request.CallingAETitle}: {rejection}");
        _rejected.TrySetResult((request, rejection));
    }

    public void OnAssociationClosed(DicomAssociationContext context, DicomAssociationCloseReason reason)
    {
        Events.Enqueue($"closed {context.CallingAETitle}: {reason}");
        _closed.TrySetResult((context, reason));
    }
}

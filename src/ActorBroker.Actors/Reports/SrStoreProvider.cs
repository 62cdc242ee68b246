using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Modalities;
using ActorBroker.Actors.Orders;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Sr;
using ActorBroker.Domain.Reports;
using ActorBroker.Domain.Sites;
using Akka.Actor;

namespace ActorBroker.Actors.Reports;

/// <summary>
/// Storage SCP for Structured Reports (PS3.4 B.2; Basic Text, Enhanced and Comprehensive SR): the SR's content tree
/// becomes report text and the order's report history, exactly as an ORU^R01 would. Success is answered only after
/// the order journaled the report (or recognised a resend); a report whose order cannot be identified, or that the
/// order refuses (cancelled), is kept in the exception store with the dataset and answered with a failure status
/// (C000 Unable to process, with the reason as Error Comment), never silently dropped.
/// </summary>
public sealed class SrStoreProvider : ICStoreProvider
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly IActorRef _orders;
    private readonly IActorRef _exceptions;
    private readonly ReportKeyResolver _resolver;
    private readonly ModalityDirectory _modalities;
    private readonly SiteDirectory _sites;
    private readonly TimeProvider _time;

    public SrStoreProvider(IActorRef orders, IActorRef index, IActorRef exceptions, ModalityDirectory modalities, SiteDirectory sites, TimeProvider time)
    {
        _orders = orders;
        _exceptions = exceptions;
        _resolver = new ReportKeyResolver(index);
        _modalities = modalities;
        _sites = sites;
        _time = time;
    }

    // PS3.4 B.2.2 (C-STORE SCP behaviour), B.2.3 (statuses); PS3.3 C.17 (SR Document modules).
    public async ValueTask<CStoreResponse> OnCStoreAsync(DicomAssociationContext context, CStoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var callingAe = context.CallingAETitle.Trim();
        if (!SrSopClasses.IsSupported(request.AffectedSOPClassUID))
        {
            return Fail(DicomStatus.SOPClassNotSupported, $"SOP class {request.AffectedSOPClassUID} is not a Structured Report this broker reads");
        }

        var dataset = request.Dataset ?? new DicomDataset();
        var raw = DicomDatasetWriter.Write(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        SrDocument document;
        try
        {
            document = StructuredReportReader.Read(dataset);
        }
        catch (Exception e) when (e is SrFormatException or DicomFormatException)
        {
            return await RaiseAsync(callingAe, request, raw, "SR could not be read: " + e.Message, DicomStatus.UnableToProcess);
        }

        var siteId = _modalities.SiteFor(callingAe);
        if (siteId is null || _sites.Get(siteId) is not { } site)
        {
            return await RaiseAsync(callingAe, request, raw, $"calling AE {callingAe} is not a configured modality, so the SR's site is unknown", DicomStatus.UnableToProcess);
        }

        var reports = SrReportMapper.Map(document, site, callingAe, _time.GetUtcNow());
        var problems = new List<string>();
        foreach (var report in reports)
        {
            var (key, problem) = await _resolver.ResolveAsync(report.Match, cancellationToken);
            if (key is null)
            {
                problems.Add(problem!);
                continue;
            }

            var result = await _orders.Ask<OrderCommandResult>(report.ToCommand(key), Timeout, cancellationToken);
            switch (result.Outcome)
            {
                case OrderOutcome.Failed:
                    return Fail(DicomStatus.OutOfResources, "the broker could not journal the report now; send it again");
                case OrderOutcome.Rejected:
                    problems.Add(result.Rejection?.Reason ?? "refused by the order");
                    break;
                case OrderOutcome.Accepted when result.Rejection is { } warning:
                    // Kept (e.g. before its order): success to the sender, and raised for the analyst.
                    await RecordAsync(callingAe, request, raw, warning.Reason, "0000");
                    break;
            }
        }

        if (problems.Count > 0)
        {
            return await RaiseAsync(callingAe, request, raw, string.Join("; ", problems), DicomStatus.UnableToProcess);
        }

        return new CStoreResponse { Status = DicomStatus.Success };
    }

    private async Task<CStoreResponse> RaiseAsync(string callingAe, CStoreRequest request, byte[] raw, string reason, DicomStatus status)
    {
        await RecordAsync(callingAe, request, raw, reason, status.Code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        return Fail(status, reason);
    }

    private async Task RecordAsync(string callingAe, CStoreRequest request, byte[] raw, string reason, string status)
    {
        var record = new RecordException("dicom:sr", reason, null, "C-STORE " + (SrSopClasses.NameOf(request.AffectedSOPClassUID) ?? "SR"), request.AffectedSOPInstanceUID, status, callingAe, raw);
        try
        {
            await _exceptions.Ask<ExceptionStored>(record, Timeout);
        }
        catch (AskTimeoutException)
        {
            // The failure status still tells the sender to resend; nothing else to do here.
        }
    }

    private static CStoreResponse Fail(DicomStatus status, string comment) => new() { Status = status, ErrorComment = comment.Length > 64 ? comment[..64] : comment };
}

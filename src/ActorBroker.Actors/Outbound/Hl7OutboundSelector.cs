using System.Globalization;
using ActorBroker.Actors.Settings;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Outbound;

namespace ActorBroker.Actors.Outbound;

/// <summary>
/// HL7 destinations: an order event that carries an <see cref="OutboundNotice"/> of a kind the destination takes
/// becomes one message, rendered once (MSH-10 = "AB" + the event's journal offset, so it is unique, stable across
/// restarts, and the same for every resend).
/// </summary>
public static class Hl7OutboundSelector
{
    public static DestinationFormat Format(Hl7DestinationSettings d, string viewerUrlTemplate = "") => new()
    {
        StatusMessageType = d.StatusMessageType,
        SendingApplication = d.SendingApplication,
        SendingFacility = d.SendingFacility,
        ReceivingApplication = d.ReceivingApplication,
        ReceivingFacility = d.ReceivingFacility,
        ReportTextValueType = d.ReportTextValueType,
        ImageLinkValueType = d.ImageLinkValueType,
        ViewerUrlTemplate = viewerUrlTemplate,
    };

    public static OutboxItem? Select(Hl7DestinationSettings destination, DestinationFormat format, object e, long offset, DateTimeOffset now)
    {
        var notice = e switch
        {
            ProcedureStepRecorded p => p.Notice,
            ReportRecorded r => r.Notice,
            _ => null,
        };
        if (notice is null || !destination.Receives(notice.Kind))
        {
            return null;
        }

        var controlId = "AB" + offset.ToString("D12", CultureInfo.InvariantCulture);
        var payload = Hl7OutboundRenderer.Render(notice, format, controlId, now);
        var summary = notice.Kind == OutboundNotice.ResultKind
            ? $"ORU^R01 {notice.Report?.ResultStatus}"
            : $"{format.StatusMessageType} SC/{notice.OrderStatus}";
        return new OutboxItem($"{destination.Name}-{offset.ToString("D12", CultureInfo.InvariantCulture)}", notice.Order.EntityId, controlId, notice.Kind, summary, payload, now);
    }
}

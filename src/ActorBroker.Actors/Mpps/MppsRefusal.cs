using ActorBroker.Actors.Exceptions;
using ActorBroker.Dicom.Mpps;
using Akka.Actor;

namespace ActorBroker.Actors.Mpps;

/// <summary>Bad input loses nothing: a refused MPPS request goes to the exception store with the status the modality got and its dataset.</summary>
public static class MppsRefusal
{
    /// <summary>The exception store's source of every kept MPPS request (a refusal here, a hand-over problem in the
    /// study); <see cref="Exceptions.ExceptionReplayer"/> sends what has it to the MPPS router again.</summary>
    public const string ExceptionSource = "dicom:mpps";

    public static void Record(IActorRef exceptions, MppsRequest request, MppsOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(exceptions);
        ArgumentNullException.ThrowIfNull(request);
        if (outcome is not MppsOutcome.Refused r)
        {
            return;
        }

        var kind = request.Operation == MppsOperation.Create ? "N-CREATE" : "N-SET";
        exceptions.Record(new RecordException(
            ExceptionSource,
            $"{kind} of MPPS {request.MppsUid} refused with {r.Status.Code:X4}: {r.ErrorComment}",
            r.OffendingElements.Count > 0 ? string.Join(",", r.OffendingElements) : null,
            kind,
            request.MppsUid,
            r.Status.Code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
            request.CallingAe,
            request.Dataset));
    }
}

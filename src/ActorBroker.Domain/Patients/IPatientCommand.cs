using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Patients;

/// <summary>
/// Something an ADT message asks of a site's patient: it is fanned out to that patient's open
/// orders (and later studies), which are found by patient id, not addressed directly.
/// </summary>
public interface IPatientCommand
{
    string Site { get; }

    MessageRef Message { get; }
}

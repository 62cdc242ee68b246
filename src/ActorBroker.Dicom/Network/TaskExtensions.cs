namespace ActorBroker.Dicom.Network;

internal static class TaskExtensions
{
    public static async ValueTask AsValueTaskIgnoringResult<T>(this Task<T> task) => await task;
}

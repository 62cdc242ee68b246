using System.Text;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>One generated ORM^O01 message: its MSH-10, the order's accession and the UTF-8 bytes.</summary>
internal sealed record GeneratedOrder(string ControlId, string Accession, string Placer, string StudyUid, byte[] Bytes)
{
    public string Text => Encoding.UTF8.GetString(Bytes);
}

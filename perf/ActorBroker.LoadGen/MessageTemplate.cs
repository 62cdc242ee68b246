using System.Text;
using System.Text.Unicode;
using ActorBroker.Hl7;

namespace ActorBroker.LoadGen;

/// <summary>
/// A message with holes: the template bytes are split once at the values that must differ per
/// message (MSH-10 always; placer, accession and Study UID when orders must be new), and each
/// message is written into a reused buffer without allocating.
/// </summary>
internal sealed class MessageTemplate
{
    /// <summary>ORM^O01 NW for site MAINHOSP, CT, with a ZDS Study UID: every message is a new order.</summary>
    public const string BuiltInOrm =
        "MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|20261128083000-0600||ORM^O01|MSG000001|P|2.3|||AL|NE||UNICODE UTF-8\r" +
        "PID|1||E1000001^^^EPI^MR~88231^^^NORTHCLINIC^MR||NÚÑEZ^JOSÉ^ANTONIO^^SR.||19700214|M|||1200 W JOHNSON ST^^MADISON^WI^53706||(608)555-0101\r" +
        "PV1|1|O|RAD^CT1^^MAINHOSP|||||4411^GARCÍA^MARÍA^^^^MD|||||||||||V7001001\r" +
        "ORC|NW|PL20001^EPC|ACC20001^EPC||SC||^^^20261128093000-0600^^R||20261128083000-0600|||4411^GARCÍA^MARÍA^^^^MD\r" +
        "OBR|1|PL20001^EPC|ACC20001^EPC|IMG3301^CT HEAD WO CONTRAST^EAP^70450^CT HEAD WO CONTRAST^CPT|||20261128083000-0600|||||||||4411^GARCÍA^MARÍA^^^^MD||ACC20001|RP20001|SPS20001||||CT|||^^^20261128093000-0600^^R||||Headache, rule out bleed\r" +
        "ZDS|1.2.840.114350.2.277.2.798268.2.20001.1^EPIC^Application^DICOM\r";

    /// <summary>
    /// ORU^R01 final report (OBR-25 F, two OBX TX lines) from dictation at site MAINHOSP: the placer (ORC-2,
    /// OBR-2), filler (ORC-3, OBR-3) and accession (OBR-18) holes take an order's numbers, so it reports on that order.
    /// </summary>
    public const string BuiltInOru =
        "MSH|^~\\&|DICTATION|MAINHOSP|ACTORBROKER|RAD|20261128120000-0600||ORU^R01|MSG000001|P|2.3|||AL|NE||UNICODE UTF-8\r" +
        "PID|1||E1000001^^^EPI^MR||NÚÑEZ^JOSÉ^ANTONIO^^SR.||19700214|M\r" +
        "ORC|RE|PL20001^EPC|ACC20001^EPC||CM\r" +
        "OBR|1|PL20001^EPC|ACC20001^EPC|IMG3301^CT HEAD WO CONTRAST^EAP|||20261128093500-0600|||||||||4411^GARCÍA^MARÍA^^^^MD||ACC20001||||20261128120000-0600||CT|F\r" +
        "OBX|1|TX|IMG3301^CT HEAD WO CONTRAST^EAP|1|FINDINGS: No acute intracranial hemorrhage.||||||F\r" +
        "OBX|2|TX|IMG3301^CT HEAD WO CONTRAST^EAP|2|IMPRESSION: Normal non-contrast head CT.||||||F\r";

    internal const string UidRoot = "1.2.840.114350.2.277.2.798268.2";

    private readonly byte[] _bytes;
    private readonly List<(int Start, int End, Slot Slot)> _holes = [];
    private readonly MppsNumbering? _numbering;
    private readonly int _connections;

    /// <summary>
    /// With <paramref name="numbering"/> the placer, accession and Study UID of message <c>k</c> of connection
    /// <c>c</c> are those of pair <c>k * connections + c</c> (so the connections' shares interleave to cover
    /// pairs 0..n-1 exactly once); without it they are made unique from the run, connection and sequence.
    /// </summary>
    public MessageTemplate(byte[] bytes, bool uniqueOrders, MppsNumbering? numbering = null, int connections = 1)
    {
        _bytes = bytes;
        _numbering = numbering;
        _connections = connections;
        var message = Hl7Message.Parse(bytes); // validates the template, with a clear error if it is not HL7
        using var index = new Hl7Index();
        index.TryIndex(bytes);
        AddHole(index, bytes, 0, 10, Slot.ControlId, wholeField: true);
        if (uniqueOrders)
        {
            foreach (var segment in message.Segments)
            {
                switch (segment.Id)
                {
                    case "ORC":
                    case "OBR":
                        AddHole(index, bytes, segment.Index, 2, Slot.Placer);
                        AddHole(index, bytes, segment.Index, 3, Slot.Accession);
                        if (segment.Id == "OBR")
                        {
                            AddHole(index, bytes, segment.Index, 18, Slot.Accession);
                        }

                        break;
                    case "IPC":
                        AddHole(index, bytes, segment.Index, 1, Slot.Accession);
                        AddHole(index, bytes, segment.Index, 3, Slot.StudyUid);
                        break;
                    case "ZDS":
                        AddHole(index, bytes, segment.Index, 1, Slot.StudyUid);
                        break;
                }
            }
        }

        _holes.Sort((a, b) => a.Start.CompareTo(b.Start));
        MaxLength = bytes.Length + (_holes.Count * 64);
    }

    public enum Slot
    {
        ControlId,
        Placer,
        Accession,
        StudyUid,
    }

    public int MaxLength { get; }

    public static MessageTemplate Load(LoadGenOptions options) =>
        options.Template == "file"
            ? new MessageTemplate(File.ReadAllBytes(options.TemplatePath!), options.UniqueAccessions)
            : new MessageTemplate(Encoding.UTF8.GetBytes(BuiltInOrm), uniqueOrders: true);

    /// <summary>The control id format; the ACK's MSA-2 is matched back by parsing the number after 'N'.</summary>
    public static bool TryReadSequence(ReadOnlySpan<byte> controlId, out int sequence)
    {
        sequence = -1;
        var n = controlId.LastIndexOf((byte)'N');
        return n >= 0 && System.Buffers.Text.Utf8Parser.TryParse(controlId[(n + 1)..], out sequence, out var consumed) && consumed == controlId.Length - n - 1;
    }

    /// <summary>Writes message <paramref name="sequence"/> of connection <paramref name="connection"/>; returns its length.</summary>
    public int Write(Span<byte> destination, int run, int connection, int sequence)
    {
        var written = 0;
        var position = 0;
        foreach (var (start, end, slot) in _holes)
        {
            _bytes.AsSpan(position, start - position).CopyTo(destination[written..]);
            written += start - position;
            var ok = _numbering is { } numbering && slot != Slot.ControlId
                ? WriteNumbered(numbering, destination[written..], slot, (sequence * _connections) + connection)
                : WriteUnique(destination[written..], slot, run, connection, sequence);
            if (ok < 0)
            {
                throw new InvalidOperationException("destination too small");
            }

            written += ok;
            position = end;
        }

        _bytes.AsSpan(position).CopyTo(destination[written..]);
        return written + _bytes.Length - position;
    }

    private static int WriteUnique(Span<byte> destination, Slot slot, int run, int connection, int sequence) => slot switch
    {
        Slot.ControlId => Utf8.TryWrite(destination, $"LG{run:X4}C{connection}N{sequence}", out var n) ? n : -1,
        Slot.Placer => Utf8.TryWrite(destination, $"P{run:X4}{connection:D3}{sequence:D7}", out var n) ? n : -1,
        Slot.Accession => Utf8.TryWrite(destination, $"A{run:X4}{connection:D3}{sequence:D7}", out var n) ? n : -1,
        _ => Utf8.TryWrite(destination, $"{UidRoot}.{run}.{connection + 1}.{sequence + 1}", out var n) ? n : -1,
    };

    private static int WriteNumbered(MppsNumbering numbering, Span<byte> destination, Slot slot, int pair) => slot switch
    {
        Slot.Placer => numbering.TryWritePlacer(destination, pair, out var n) ? n : -1,
        Slot.Accession => numbering.TryWriteAccession(destination, pair, out var n) ? n : -1,
        _ => numbering.TryWriteStudyUid(destination, pair, out var n) ? n : -1,
    };

    // The hole is component 1 of the field (or the whole field), so EI namespaces and ZDS trailers stay.
    private void AddHole(Hl7Index index, byte[] bytes, int segment, int field, Slot slot, bool wholeField = false)
    {
        var (start, end) = index.FieldRange(segment, field);
        if (end <= start)
        {
            return;
        }

        if (!wholeField)
        {
            var component = Array.IndexOf(bytes, (byte)index.Delimiters.Component, start, end - start);
            if (component >= 0)
            {
                end = component;
            }
        }

        _holes.Add((start, end, slot));
    }
}

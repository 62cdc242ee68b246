using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.LoadGen;

/// <summary>
/// <c>loadgen mpps-echo</c>: a stand-in for the broker's MPPS path with no persistence, to measure the
/// ceiling of the client, the sockets and the EHR leg on this machine, and to check <c>loadgen mpps</c>
/// before the broker has MPPS. Our own DICOM SCP (DicomListener) answers N-CREATE and N-SET with 0000
/// (0111 for a duplicate instance, 0112 for an N-SET on an unknown one) and, with --ehr-port, sends
/// the EHR an ORM^O01 ORC-1 SC / ORC-5 IP per N-CREATE and CM per N-SET over one MLLP connection,
/// each waiting for its ACK (what the broker does with max-in-flight = 1).
/// </summary>
internal sealed class MppsEchoServer : INCreateProvider, INSetProvider
{
    public const string Usage = """
        usage:
          loadgen mpps-echo [--host 127.0.0.1] [--port 11112] [--ae ACTORBROKER] [--ehr-port R] [--ehr-host 127.0.0.1]
        An MPPS SCP that answers 0000 at once and (with --ehr-port) sends ORC-5 IP / CM to the EHR; Ctrl+C stops.
        """;

    private readonly ConcurrentDictionary<string, string> _steps = new(StringComparer.Ordinal);
    private readonly Channel<(string Accession, string Status)>? _outbound;
    private long _creates;
    private long _sets;
    private long _sent;

    private MppsEchoServer(bool ehr) =>
        _outbound = ehr ? Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true }) : null;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        string host = "127.0.0.1", ae = "ACTORBROKER", ehrHost = "127.0.0.1";
        int port = 11112, ehrPort = 0;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var arg = args[i];
                string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
                switch (arg)
                {
                    case "--host": host = Next(); break;
                    case "--port": port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--ae": ae = Next(); break;
                    case "--ehr-port": ehrPort = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--ehr-host": ehrHost = Next(); break;
                    default: throw new ArgumentException($"unknown option {arg}");
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var server = new MppsEchoServer(ehrPort > 0);
        var options = new DicomServiceOptions
        {
            Host = host,
            Port = port,
            MaxConcurrentAssociations = 256,
            Policy = AssociationPolicy.Default with
            {
                AETitle = ae,
                AcceptAnyCallingAE = true,
                AbstractSyntaxes = [new SupportedAbstractSyntax(WellKnownUids.Verification), new SupportedAbstractSyntax(WellKnownUids.ModalityPerformedProcedureStep)],
            },
        };
        await using var listener = DicomListener.Start(options, new DicomServiceProviders { NCreate = server, NSet = server });
        Console.WriteLine($"mpps-echo: {ae} listening on {listener.LocalEndPoint}{(ehrPort > 0 ? $", EHR at {ehrHost}:{ehrPort}" : ", no EHR")}; Ctrl+C to stop");
        var sender = server._outbound is null ? Task.CompletedTask : server.SendToEhrAsync(ehrHost, ehrPort, ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                Console.WriteLine($"mpps-echo: N-CREATE {Interlocked.Read(ref server._creates)}  N-SET {Interlocked.Read(ref server._sets)}  EHR ACKed {Interlocked.Read(ref server._sent)}");
            }
        }
        catch (OperationCanceledException)
        {
        }

        server._outbound?.Writer.TryComplete();
        await sender;
        return 0;
    }

    // DICOM PS3.4 F.7.2.1: a new instance IN PROGRESS; its accession from the Scheduled Step Attributes Sequence.
    public ValueTask<NCreateResponse> OnNCreateAsync(DicomAssociationContext context, NCreateRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _creates);
        var uid = request.AffectedSOPInstanceUID ?? DicomUid.Generate();
        var step = request.Dataset?.GetSequence(DicomTags.ScheduledStepAttributesSequence);
        var accession = step is { Count: > 0 } ? step[0].GetString(DicomTags.AccessionNumber) : string.Empty;
        if (!_steps.TryAdd(uid, accession))
        {
            return ValueTask.FromResult(new NCreateResponse { Status = DicomStatus.DuplicateSOPInstance, AffectedSOPInstanceUID = uid });
        }

        _outbound?.Writer.TryWrite((accession, "IP"));
        return ValueTask.FromResult(new NCreateResponse { Status = DicomStatus.Success, AffectedSOPInstanceUID = uid });
    }

    // DICOM PS3.4 F.7.2.2: only an existing instance can be set.
    public ValueTask<NSetResponse> OnNSetAsync(DicomAssociationContext context, NSetRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sets);
        if (!_steps.TryGetValue(request.RequestedSOPInstanceUID, out var accession))
        {
            return ValueTask.FromResult(new NSetResponse { Status = DicomStatus.NoSuchObjectInstance });
        }

        _outbound?.Writer.TryWrite((accession, "CM"));
        return ValueTask.FromResult(new NSetResponse { Status = DicomStatus.Success });
    }

    // HL7 2.5.1 4.5.1 ORC-1 SC, ORC-5 IP/CM; send and wait for the ACK, reconnect and resend on failure.
    private async Task SendToEhrAsync(string host, int port, CancellationToken ct)
    {
        MllpClient? client = null;
        var sequence = 0L;
        try
        {
            await foreach (var (accession, status) in _outbound!.Reader.ReadAllAsync(CancellationToken.None))
            {
                var message = System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                    $"MSH|^~\\&|ACTORBROKER|MAINHOSP|EHR|MAINHOSP|{DateTime.Now:yyyyMMddHHmmss}||ORM^O01|ME{++sequence}|P|2.3\rORC|SC|P{accession}|{accession}||{status}\rOBR|1|P{accession}|{accession}|||||||||||||||{accession}\r"));
                while (true)
                {
                    try
                    {
                        client ??= await MllpClient.ConnectAsync(host, port, ct);
                        await client.SendAsync(message, ct);
                        Interlocked.Increment(ref _sent);
                        break;
                    }
                    catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException)
                    {
                        if (client is not null)
                        {
                            await client.DisposeAsync();
                            client = null;
                        }

                        await Task.Delay(200, ct);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }
    }
}

using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;

namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// Reads PDUs one at a time from a stream. The 6-byte header is validated (known PDU type, a
/// PDU-length within <see cref="Limits"/>) before any of the variable field is read, so a peer
/// announcing 4 GB costs nothing; the variable field is then read into a pooled buffer that grows
/// with the bytes actually received.
/// </summary>
internal sealed class PduReader
{
    private const int InitialChunk = 128 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _header = new byte[Pdu.HeaderLength];

    public PduReader(Stream stream, PduReaderLimits limits)
    {
        _stream = stream;
        Limits = limits;
    }

    public PduReaderLimits Limits { get; set; }

    // PS3.8 9.3.1 PDU structure: PDU-type (1), reserved (1), PDU-length (4, big-endian, counts the variable field).
    public async ValueTask<PduReadResult> ReadAsync(CancellationToken cancellationToken)
    {
        int got;
        try
        {
            got = await _stream.ReadAtLeastAsync(_header, _header.Length, throwOnEndOfStream: false, cancellationToken);
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            return new PduReadResult(PduReadStatus.Closed, Detail: e.Message);
        }

        if (got == 0)
        {
            return new PduReadResult(PduReadStatus.Closed, Detail: "end of stream");
        }

        if (got < _header.Length)
        {
            return new PduReadResult(PduReadStatus.Truncated, Detail: $"end of stream after {got} header bytes");
        }

        var type = _header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(2));
        var bound = type switch
        {
            (byte)PduType.AAssociateRQ or (byte)PduType.AAssociateAC => Limits.MaxAssociateLength,
            (byte)PduType.PDataTF => Limits.MaxPDataTFLength,
            (byte)PduType.AAssociateRJ or (byte)PduType.AReleaseRQ or (byte)PduType.AReleaseRP or (byte)PduType.AAbort => PduReaderLimits.FixedPduLength,
            _ => 0u,
        };

        if (bound == 0)
        {
            return new PduReadResult(
                PduReadStatus.Invalid,
                Reason: AAbortReason.UnrecognizedPdu,
                StreamSynchronized: false,
                Detail: $"unrecognized PDU type 0x{type:X2}");
        }

        var fixedLength = bound == PduReaderLimits.FixedPduLength;
        if (fixedLength ? length != bound : length > bound)
        {
            return new PduReadResult(
                PduReadStatus.Invalid,
                Reason: AAbortReason.InvalidPduParameterValue,
                StreamSynchronized: false,
                Detail: fixedLength
                    ? $"PDU type 0x{type:X2} has length {length}, must be {bound}"
                    : $"PDU type 0x{type:X2} announces {length} bytes, more than the {bound} accepted");
        }

        var (buffer, status, detail) = await ReadBodyAsync((int)length, cancellationToken);
        if (buffer is null)
        {
            return new PduReadResult(status, Detail: detail);
        }

        var returnBuffer = true;
        try
        {
            Pdu pdu;
            if (type == (byte)PduType.PDataTF)
            {
                pdu = PDataTF.Parse(buffer, (int)length, pooled: true);
                returnBuffer = false;
            }
            else
            {
                pdu = Pdu.Parse((PduType)type, buffer.AsSpan(0, (int)length));
            }

            return PduReadResult.Of(pdu);
        }
        catch (PduFormatException e)
        {
            return new PduReadResult(PduReadStatus.Invalid, Reason: e.Reason, StreamSynchronized: true, Detail: e.Message);
        }
        finally
        {
            if (returnBuffer)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads and discards bytes until the transport closes (used in Sta13 after the stream lost PDU framing).</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (await _stream.ReadAsync(scratch, cancellationToken) > 0)
            {
            }
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private async ValueTask<(byte[]? Buffer, PduReadStatus Status, string? Detail)> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        // Bounded by Limits already; still grow with what arrives so a peer that announces the
        // maximum and sends nothing holds at most InitialChunk.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Math.Min(length, InitialChunk)));
        var filled = 0;
        try
        {
            while (filled < length)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, (long)buffer.Length * 2));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await _stream.ReadAsync(buffer.AsMemory(filled, Math.Min(buffer.Length, length) - filled), cancellationToken);
                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, PduReadStatus.Truncated, $"end of stream after {filled} of {length} bytes");
                }

                filled += read;
            }

            return (buffer, PduReadStatus.Pdu, null);
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, PduReadStatus.Truncated, e.Message);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static bool IsTransportFailure(Exception e) =>
        e is IOException or SocketException or ObjectDisposedException;
}

using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;

namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// Reads PDUs one at a time from a stream. The 6-byte header is validated (known PDU type, a
/// PDU-length within <see cref="Limits"/>) before any of the variable field is read, so a peer
/// announcing 4 GB costs nothing; the variable field is then read into a pooled buffer that grows
/// with the bytes actually received.
/// <para>
/// Reads ahead into a small buffer: a peer sends a PDU's header and its variable field together (and often
/// several PDUs), so one receive usually brings all of it. Reading the 6 header bytes exactly and then the
/// body took two receives per PDU, plus the one that finds the socket empty and waits (one receive in three
/// saved, on both sides of an association, for every request and every response).
/// </para>
/// </summary>
internal sealed class PduReader
{
    private const int InitialChunk = 128 * 1024;

    // Holds an MPPS or worklist request whole (command and dataset in one P-DATA-TF, ~1-3 KB); larger bodies are
    // read straight into their own buffer once what was read ahead is used.
    private const int ReadAhead = 8 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _header = new byte[Pdu.HeaderLength];
    private readonly byte[] _ahead = new byte[ReadAhead];
    private int _aheadStart;
    private int _aheadEnd;

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
            got = await FillAheadAsync(_header.Length, cancellationToken);
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            return new PduReadResult(PduReadStatus.Closed, Detail: e.Message);
        }

        got = Math.Min(got, _header.Length);
        _ahead.AsSpan(_aheadStart, got).CopyTo(_header);
        _aheadStart += got;

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
        _aheadStart = _aheadEnd = 0;
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
        // What was read ahead first (never more than this PDU's); then the rest from the stream.
        var filled = Math.Min(length, _aheadEnd - _aheadStart);
        _ahead.AsSpan(_aheadStart, filled).CopyTo(buffer);
        _aheadStart += filled;
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

    /// <summary>
    /// Receives until at least <paramref name="count"/> bytes are read ahead, taking whatever more the stream has ready
    /// (up to the buffer's size); returns how many are buffered, fewer only at the end of the stream.
    /// </summary>
    private async ValueTask<int> FillAheadAsync(int count, CancellationToken cancellationToken)
    {
        if (_aheadEnd - _aheadStart >= count)
        {
            return _aheadEnd - _aheadStart;
        }

        // Keep what is buffered at the front so the rest of the buffer takes the next receive.
        _ahead.AsSpan(_aheadStart, _aheadEnd - _aheadStart).CopyTo(_ahead);
        _aheadEnd -= _aheadStart;
        _aheadStart = 0;
        while (_aheadEnd < count)
        {
            var read = await _stream.ReadAsync(_ahead.AsMemory(_aheadEnd), cancellationToken);
            if (read == 0)
            {
                break;
            }

            _aheadEnd += read;
        }

        return _aheadEnd;
    }

    private static bool IsTransportFailure(Exception e) =>
        e is IOException or SocketException or ObjectDisposedException;
}

using System.Buffers;

namespace ActorBroker.Hl7.Mllp;

/// <summary>
/// Pure, byte-level MLLP de-framer: feed it whatever the socket returned, get complete frames.
/// Handles frames split across reads, several frames in one read, junk before a start block
/// (reported, then skipped), and frames over the size limit (reported with the bytes seen so far,
/// after which the framer is faulted and ignores input: the connection is to be closed).
/// Lenient where senders differ: CR/LF between frames is ignored, and an end block not followed
/// by CR still ends the frame (the CR is consumed when it comes).
/// </summary>
// HL7 2.5.1 Appendix C.2 (MLLP release 1): <SB> data <EB><CR>
public sealed class MllpFramer : IDisposable
{
    private const int MaxJunkReported = 4096;

    private readonly int _maxMessageBytes;
    private byte[] _buffer;
    private int _length;
    private State _state;
    private readonly List<byte> _junk = [];

    public MllpFramer(int maxMessageBytes = 16 * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        _maxMessageBytes = maxMessageBytes;
        _buffer = [];
    }

    private enum State
    {
        BetweenFrames,
        InFrame,
        AfterEndBlock,
        Faulted,
    }

    /// <summary>True after an oversize frame: nothing more will be produced.</summary>
    public bool IsFaulted => _state == State.Faulted;

    /// <summary>True while a frame has started and not ended.</summary>
    public bool InFrame => _state == State.InFrame;

    /// <summary>Bytes of the frame in progress.</summary>
    public int PendingBytes => _length;

    /// <summary>Feeds a chunk; returns what it completed (frames in arrival order, errors where they occurred).</summary>
    public IReadOnlyList<MllpFramerResult> Feed(ReadOnlySpan<byte> chunk)
    {
        var results = new List<MllpFramerResult>();
        Feed(chunk, results);
        return results;
    }

    /// <summary>Feeds a chunk, appending what it completed to <paramref name="results"/>.</summary>
    public void Feed(ReadOnlySpan<byte> chunk, ICollection<MllpFramerResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        while (!chunk.IsEmpty)
        {
            switch (_state)
            {
                case State.Faulted:
                    return;

                case State.AfterEndBlock:
                    _state = State.BetweenFrames;
                    if (chunk[0] == MllpBytes.CarriageReturn)
                    {
                        chunk = chunk[1..];
                    }

                    break;

                case State.BetweenFrames:
                    chunk = SkipToStart(chunk, results);
                    break;

                case State.InFrame:
                    chunk = ReadFrame(chunk, results);
                    break;
            }
        }
    }

    /// <summary>The stream ended: reports a frame in progress (IncompleteFrame) and unreported junk.</summary>
    public void Complete(ICollection<MllpFramerResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        FlushJunk(results);
        if (_state == State.InFrame)
        {
            results.Add(new MllpFramerResult(MllpFrameError.IncompleteFrame, _buffer.AsSpan(0, _length).ToArray()));
            _length = 0;
            _state = State.BetweenFrames;
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private ReadOnlySpan<byte> SkipToStart(ReadOnlySpan<byte> chunk, ICollection<MllpFramerResult> results)
    {
        var start = chunk.IndexOf(MllpBytes.StartBlock);
        var junk = start < 0 ? chunk : chunk[..start];
        foreach (var b in junk)
        {
            if (b is (byte)'\r' or (byte)'\n' && _junk.Count == 0)
            {
                continue; // line ends between frames are common and harmless
            }

            _junk.Add(b);
            if (_junk.Count >= MaxJunkReported)
            {
                FlushJunk(results);
            }
        }

        if (start < 0)
        {
            return default;
        }

        FlushJunk(results);
        _state = State.InFrame;
        _length = 0;
        return chunk[(start + 1)..];
    }

    private ReadOnlySpan<byte> ReadFrame(ReadOnlySpan<byte> chunk, ICollection<MllpFramerResult> results)
    {
        var end = chunk.IndexOfAny(MllpBytes.EndBlock, MllpBytes.StartBlock);
        var data = end < 0 ? chunk : chunk[..end];
        if (_length + data.Length > _maxMessageBytes)
        {
            var room = _maxMessageBytes - _length;
            var soFar = new byte[_maxMessageBytes];
            _buffer.AsSpan(0, _length).CopyTo(soFar);
            data[..room].CopyTo(soFar.AsSpan(_length));
            results.Add(new MllpFramerResult(MllpFrameError.Oversize, soFar));
            _length = 0;
            _state = State.Faulted;
            return default;
        }

        if (end < 0)
        {
            Append(data);
            return default;
        }

        byte[] payload;
        if (_length == 0)
        {
            payload = data.ToArray(); // the common case: a whole frame inside one read, one copy
        }
        else
        {
            payload = new byte[_length + data.Length];
            _buffer.AsSpan(0, _length).CopyTo(payload);
            data.CopyTo(payload.AsSpan(_length));
        }

        _length = 0;
        if (chunk[end] == MllpBytes.StartBlock)
        {
            // A new start block inside a frame: the sender gave up on the previous one.
            results.Add(new MllpFramerResult(MllpFrameError.IncompleteFrame, payload));
            _state = State.InFrame;
            return chunk[(end + 1)..];
        }

        results.Add(new MllpFramerResult(null, payload));
        _state = State.AfterEndBlock;
        return chunk[(end + 1)..];
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + data.Length, Math.Max(4096, _buffer.Length * 2)));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = bigger;
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    private void FlushJunk(ICollection<MllpFramerResult> results)
    {
        if (_junk.Count > 0)
        {
            results.Add(new MllpFramerResult(MllpFrameError.JunkBeforeStart, [.. _junk]));
            _junk.Clear();
        }
    }
}

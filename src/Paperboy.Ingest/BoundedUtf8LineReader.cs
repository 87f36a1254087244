namespace Paperboy.Ingest;

/// <summary>
/// Reads lines of a byte stream as UTF-8 bytes, split at '\n' with a '\r' before it dropped, like
/// <see cref="BoundedLineReader"/> but without decoding them: a JSON-lines reader parses the bytes as
/// they are, where a line string cost twice its UTF-8 size in memory and a decode there and back. Never
/// holds more than <c>maxLineLength</c> bytes of one line: a longer one is consumed to its end and
/// reported as too long. A UTF-8 byte order mark at the start is skipped, as StreamReader skips it.
/// </summary>
public sealed class BoundedUtf8LineReader(Stream stream, int maxLineLength)
{
    private const int InitialBuffer = 1 << 16;

    private byte[] _buffer = new byte[InitialBuffer];
    private int _start;
    private int _end;
    private bool _ended;
    private bool _started;

    /// <summary>
    /// The next line without its terminator, or null at the end of the input. Its bytes are valid until
    /// the next call.
    /// </summary>
    public async ValueTask<Utf8Line?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var searched = 0;
        var skipping = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var stop = _start + searched + newline;
                var line = skipping ? Utf8Line.TooLongLine : Line(_start, stop);
                _start = stop + 1;
                return line;
            }
            if (_ended)
            {
                if (_start == _end && !skipping)
                {
                    return null;
                }
                var line = skipping ? Utf8Line.TooLongLine : Line(_start, _end);
                _start = _end;
                return line;
            }
            searched = _end - _start;
            // One byte over is allowed for a carriage return before the newline, which the line drops.
            if (skipping || searched > maxLineLength + 1)
            {
                // Too long already: keep reading to the line's end, holding none of it.
                skipping = true;
                _start = _end = searched = 0;
            }
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Utf8Line Line(int start, int stop)
    {
        var length = stop > start && _buffer[stop - 1] == '\r' ? stop - start - 1 : stop - start;
        return length > maxLineLength ? Utf8Line.TooLongLine : new Utf8Line(_buffer.AsMemory(start, length));
    }

    // Moves the unread bytes to the front, grows the buffer if they fill it, and reads more after them.
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        await ReadMoreAsync(cancellationToken).ConfigureAwait(false);
        if (!_started)
        {
            // The first fill starts at the file's first byte; a short read cannot hide a mark.
            _started = true;
            while (_end < 3 && !_ended)
            {
                await ReadMoreAsync(cancellationToken).ConfigureAwait(false);
            }
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = 3;
            }
        }
    }

    private async ValueTask ReadMoreAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _ended |= read == 0;
        _end += read;
    }
}

/// <summary>One line's UTF-8 bytes, or none when the line was longer than the reader's limit.</summary>
public readonly record struct Utf8Line(ReadOnlyMemory<byte> Bytes, bool TooLong = false)
{
    public static Utf8Line TooLongLine { get; } = new(ReadOnlyMemory<byte>.Empty, TooLong: true);
}

using System.Text;

namespace Paperboy.Ingest;

/// <summary>
/// Reads lines like <see cref="TextReader.ReadLineAsync()"/>, but never holds more than
/// <c>maxLineLength</c> characters of one line: a longer line (a corrupt file with no newlines, a
/// hostile payload) is consumed to its end and reported as too long, so memory stays bounded
/// whatever the input.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxLineLength)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;

    /// <summary>The next line without its terminator, or null at the end of the input.</summary>
    public async ValueTask<BoundedLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        bool tooLong = false;
        bool readAnything = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    return readAnything ? Finish(tooLong) : null;
                }
            }
            readAnything = true;
            int newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            int stop = newline < 0 ? _end : newline;
            if (newline >= 0 && _line.Length == 0 && !tooLong && stop - _start <= maxLineLength)
            {
                // The whole line is in the buffer (nearly always): one string, no copy through the builder.
                int length = stop > _start && _buffer[stop - 1] == '\r' ? stop - _start - 1 : stop - _start;
                var text = new string(_buffer, _start, length);
                _start = newline + 1;
                return new BoundedLine(text);
            }
            if (!tooLong && _line.Length + (stop - _start) > maxLineLength)
            {
                tooLong = true;
                _line.Clear();
            }
            if (!tooLong)
            {
                _line.Append(_buffer, _start, stop - _start);
            }
            if (newline >= 0)
            {
                _start = newline + 1;
                return Finish(tooLong);
            }
            _start = _end;
        }
    }

    private BoundedLine Finish(bool tooLong)
    {
        if (tooLong)
        {
            return new BoundedLine(null);
        }
        int length = _line.Length;
        if (length > 0 && _line[length - 1] == '\r')
        {
            length--;
        }
        return new BoundedLine(_line.ToString(0, length));
    }
}

/// <summary>One line, or null text when the line was longer than the reader's limit.</summary>
public readonly record struct BoundedLine(string? Text)
{
    public bool TooLong => Text is null;
}

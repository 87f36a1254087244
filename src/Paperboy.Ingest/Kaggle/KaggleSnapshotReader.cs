using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Paperboy.Ingest.Kaggle;

/// <summary>
/// Reads the Kaggle arXiv metadata snapshot (JSON Lines, about 4 GB) one line at a time, as UTF-8 bytes, so
/// memory stays constant whatever the file size. A bad line becomes an <see cref="ImportError"/>; blank lines are skipped.
/// </summary>
public sealed class KaggleSnapshotReader : IRecordReader
{
    /// <summary>
    /// Far above any real record (the largest, with collaboration author lists of thousands of names,
    /// are a few hundred KB) and low enough that one corrupt line cannot exhaust memory.
    /// </summary>
    public const int DefaultMaxLineLength = 4 * 1024 * 1024;

    private readonly int _maxLineLength;

    public KaggleSnapshotReader(int maxLineLength = DefaultMaxLineLength) => _maxLineLength = maxLineLength;

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream input, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lines = new BoundedUtf8LineReader(input, _maxLineLength);
        long lineNumber = 0;
        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // Buffered lines come back without looking at the token; check it once per line.
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (line.TooLong)
            {
                yield return ImportRecord.Failed(new ImportError(fileName, lineNumber, string.Create(CultureInfo.InvariantCulture, $"line longer than {_maxLineLength:N0} bytes; skipped")));
                continue;
            }
            var trimmed = line.Bytes.Span.Trim(" \t\r\n\f\v"u8);
            if (trimmed.IsEmpty)
            {
                continue;
            }
            if (trimmed[0] == (byte)'{' && Utf8.IsValid(line.Bytes.Span))
            {
                yield return ReadLine(line.Bytes.Span, fileName, lineNumber);
                continue;
            }
            // Anything else is read as text, as it always was: invalid UTF-8 becomes U+FFFD, and a
            // line of Unicode spaces is blank.
            var text = Encoding.UTF8.GetString(line.Bytes.Span);
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return ReadLine(Encoding.UTF8.GetBytes(text), fileName, lineNumber);
            }
        }
    }

    private static ImportRecord ReadLine(ReadOnlySpan<byte> line, string fileName, long lineNumber)
    {
        KaggleRecord? record;
        try
        {
            record = KaggleLineParser.Parse(line);
        }
        catch (JsonException ex)
        {
            return ImportRecord.Failed(new ImportError(fileName, lineNumber, $"invalid JSON: {ex.Message}"));
        }
        return Map(record, fileName, lineNumber);
    }

    private static ImportRecord Map(KaggleRecord? record, string fileName, long lineNumber)
    {
        if (record is null)
        {
            return ImportRecord.Failed(new ImportError(fileName, lineNumber, "expected a JSON object, found null"));
        }

        var paper = KaggleRecordMapper.Map(record, out var error);
        return paper is not null
            ? ImportRecord.Of(paper)
            : ImportRecord.Failed(new ImportError(fileName, lineNumber, error ?? "unreadable record"));
    }
}

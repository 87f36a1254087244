using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Paperboy.Ingest.Kaggle;

/// <summary>
/// Reads the Kaggle arXiv metadata snapshot (JSON Lines, about 4 GB) one line at a time, so memory stays
/// constant whatever the file size. A bad line becomes an <see cref="ImportError"/>; blank lines are skipped.
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
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true, bufferSize: 1 << 16);
        var lines = new BoundedLineReader(reader, _maxLineLength);
        long lineNumber = 0;
        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // Buffered lines come back without looking at the token; check it once per line.
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (line.TooLong)
            {
                yield return ImportRecord.Failed(new ImportError(fileName, lineNumber, string.Create(CultureInfo.InvariantCulture, $"line longer than {_maxLineLength:N0} characters; skipped")));
                continue;
            }
            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            yield return ReadLine(line.Text, fileName, lineNumber);
        }
    }

    internal static ImportRecord ReadLine(string line, string fileName, long lineNumber)
    {
        KaggleRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(line, KaggleJson.Default.KaggleRecord);
        }
        catch (JsonException ex)
        {
            return ImportRecord.Failed(new ImportError(fileName, lineNumber, $"invalid JSON: {ex.Message}"));
        }

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

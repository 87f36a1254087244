using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Paperboy.Ingest.SavedPages;

/// <summary>Reads a saved trending-papers page (see <see cref="SavedPageParser"/> for the format and its error rules).</summary>
public sealed class SavedPageReader : IRecordReader
{
    /// <summary>A saved page's longest real line is an abstract of about 2,000 characters.</summary>
    public const int MaxLineLength = 64 * 1024;

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream input, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var parser = new SavedPageParser(fileName);
        var lines = new BoundedLineReader(reader, MaxLineLength);
        long lineNumber = 0;
        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // Buffered lines come back without looking at the token; check it once per line.
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (line.TooLong)
            {
                yield return ImportRecord.Failed(new ImportError(fileName, lineNumber, string.Create(CultureInfo.InvariantCulture, $"line longer than {MaxLineLength:N0} characters; skipped")));
                continue;
            }
            if (parser.Accept(line.Text!, lineNumber) is { } record)
            {
                yield return record;
            }
        }

        if (parser.Finish() is { } last)
        {
            yield return last;
        }
    }
}

using System.Runtime.CompilerServices;
using System.Text;

namespace Paperboy.Ingest.SavedPages;

/// <summary>Reads a saved trending-papers page (see <see cref="SavedPageParser"/> for the format and its error rules).</summary>
public sealed class SavedPageReader : IRecordReader
{
    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream input, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var parser = new SavedPageParser(fileName);
        long lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // ReadLineAsync returns buffered lines without looking at the token; check it once per line.
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (parser.Accept(line, lineNumber) is { } record)
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

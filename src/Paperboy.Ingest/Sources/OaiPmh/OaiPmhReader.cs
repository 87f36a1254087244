using System.Runtime.CompilerServices;
using Paperboy.Ingest.Xml;

namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// Imports a saved OAI-PMH response (<c>paperboy import</c>). A protocol error other than noRecordsMatch, or a
/// payload that is not an OAI-PMH document, becomes one <see cref="ImportError"/>; noRecordsMatch is an empty page.
/// </summary>
public sealed class OaiPmhReader : IRecordReader
{
    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream input, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<ImportRecord> records;
        try
        {
            var page = await OaiPmhParser.ParseAsync(input, fileName, cancellationToken).ConfigureAwait(false);
            records = page.Error is { Code: not OaiError.NoRecordsMatch } error
                ? [.. page.Records, ImportRecord.Failed(new ImportError(fileName, 1, $"oai-pmh: the repository answered an error: {error}"))]
                : page.Records;
        }
        catch (SourcePayloadException ex)
        {
            records = [ImportRecord.Failed(new ImportError(fileName, XmlPayload.LineOf(ex), ex.Message))];
        }

        foreach (var record in records)
        {
            yield return record;
        }
    }
}

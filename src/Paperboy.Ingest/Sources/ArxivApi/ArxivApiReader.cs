using System.Runtime.CompilerServices;
using Paperboy.Ingest.Xml;

namespace Paperboy.Ingest.Sources.ArxivApi;

/// <summary>
/// Imports a saved arXiv API response (<c>paperboy import</c>). A page is parsed whole; a payload that is
/// not a usable feed (the API's error feed, an HTML page, broken XML) becomes one <see cref="ImportError"/>.
/// </summary>
public sealed class ArxivApiReader : IRecordReader
{
    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream input, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArxivFeedPage page;
        try
        {
            page = await ArxivAtomParser.ParseAsync(input, fileName, cancellationToken).ConfigureAwait(false);
        }
        catch (SourcePayloadException ex)
        {
            page = new ArxivFeedPage([ImportRecord.Failed(new ImportError(fileName, XmlPayload.LineOf(ex), ex.Message))], null, 0, 0);
        }

        foreach (var record in page.Records)
        {
            yield return record;
        }
    }
}

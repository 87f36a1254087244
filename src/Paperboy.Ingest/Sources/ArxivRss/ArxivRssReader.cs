using System.Runtime.CompilerServices;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>Imports a saved arXiv listing feed (<c>paperboy import cs.rss</c>), either format.</summary>
public sealed class ArxivRssReader : IRecordReader
{
    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream input, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = ArxivRssParser.ReadAsync(input, fileName, new ArxivRssChannel(), cancellationToken);
        await foreach (var record in PayloadRecords.UntilFaultAsync(
            entries, fileName, entry => entry.Item is not null ? ImportRecord.Of(entry.Item.Paper) : ImportRecord.Failed(entry.Error!), cancellationToken))
        {
            yield return record;
        }
    }
}

using System.Runtime.CompilerServices;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>Imports a saved arXiv listing feed (<c>paperboy import cs.rss</c>), either format.</summary>
public sealed class ArxivRssReader : IRecordReader
{
    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream input, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = ArxivRssParser.ReadAsync(input, fileName, new ArxivRssChannel(), cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (entries.ConfigureAwait(false))
        {
            while (true)
            {
                ImportError? failure = null;
                try
                {
                    if (!await entries.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (SourcePayloadException ex)
                {
                    // Items before the fault are already yielded and stay imported; the fault ends the file.
                    failure = new ImportError(fileName, 0, ex.Message);
                }

                if (failure is not null)
                {
                    yield return ImportRecord.Failed(failure);
                    yield break;
                }

                var entry = entries.Current;
                yield return entry.Item is not null ? ImportRecord.Of(entry.Item.Paper) : ImportRecord.Failed(entry.Error!);
            }
        }
    }
}

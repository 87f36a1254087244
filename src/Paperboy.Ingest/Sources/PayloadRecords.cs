using System.Runtime.CompilerServices;

namespace Paperboy.Ingest.Sources;

/// <summary>
/// Turns a streaming parser's items into import records for a saved file: items before a payload fault
/// are yielded (and stay imported); the fault becomes one final error naming the file, and ends it.
/// </summary>
internal static class PayloadRecords
{
    public static async IAsyncEnumerable<ImportRecord> UntilFaultAsync<T>(
        IAsyncEnumerable<T> items, string fileName, Func<T, ImportRecord> toRecord, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                ImportError? failure = null;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (SourcePayloadException e)
                {
                    failure = new ImportError(fileName, 0, e.Message);
                }
                if (failure is not null)
                {
                    yield return ImportRecord.Failed(failure);
                    yield break;
                }
                yield return toRecord(enumerator.Current);
            }
        }
    }
}

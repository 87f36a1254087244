using Microsoft.Extensions.Logging;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Search;

namespace Paperboy.Application.Searching;

/// <summary>
/// Keyword search over the stored papers. The index is derived data: it is built from the store
/// when first needed and rebuilt whenever the store's generation moves (an import, from this
/// process or another one), so a search never answers from a stale snapshot for long.
/// </summary>
public sealed partial class PaperSearchService(IPaperStore store, SearchSettings settings, ILogger<PaperSearchService> logger)
{
    /// <summary>Longer queries are refused: they are never typed by people and only cost time.</summary>
    public const int MaxQueryLength = 1000;

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile IndexSnapshot? _snapshot;

    public async Task<PaperSearchResult> SearchAsync(string query, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (query.Length > MaxQueryLength)
        {
            throw new QueryTooLongException(query.Length, MaxQueryLength);
        }

        var index = await CurrentIndexAsync(cancellationToken);
        var results = index.Search(query, limit, offset);
        var papers = await store.GetManyAsync(results.Hits.Select(h => h.Key).ToList(), cancellationToken);
        var byId = papers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var hits = results.Hits
            .Where(h => byId.ContainsKey(h.Key))
            .Select(h => new PaperHit(byId[h.Key], h.Score, h.Title, h.Abstract))
            .ToList();
        return new PaperSearchResult(query, results.TotalMatches, offset, hits);
    }

    /// <summary>The ids of the best matches only, without loading papers: for evaluation at depth.</summary>
    public async Task<IReadOnlyList<string>> RankAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = await CurrentIndexAsync(cancellationToken);
        return index.Search(query, limit, highlight: false).Hits.Select(h => h.Key).ToList();
    }

    private async Task<SearchIndex> CurrentIndexAsync(CancellationToken cancellationToken)
    {
        long generation = await store.GetGenerationAsync(cancellationToken);
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Generation == generation)
        {
            return snapshot.Index;
        }

        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && snapshot.Generation == generation)
            {
                return snapshot.Index;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var builder = new IndexBuilder(settings);
            await foreach (var paper in store.ScanAsync(cancellationToken))
            {
                builder.Add(ToDocument(paper));
            }
            var index = builder.Build();
            _snapshot = new IndexSnapshot(generation, index);
            LogIndexBuilt(logger, index.DocumentCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return index;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    internal static SearchDocument ToDocument(Paper paper) =>
        new(paper.Id, paper.Title, paper.Abstract, paper.Authors, paper.Categories, paper.Published?.Year);

    [LoggerMessage(Level = LogLevel.Information, Message = "search: index built over {Papers} papers in {Milliseconds:F0} ms")]
    private static partial void LogIndexBuilt(ILogger logger, int papers, double milliseconds);

    private sealed record IndexSnapshot(long Generation, SearchIndex Index);
}

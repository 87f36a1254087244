using Microsoft.Extensions.Logging;
using Paperboy.Application.Semantic;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Search;
using Paperboy.Search.Storage;

namespace Paperboy.Application.Searching;

/// <summary>
/// Keyword search over the stored papers, through the persistent index in the data directory
/// (<c>index/</c>). The index is derived data: it records the store generation it reflects, and
/// whenever the store has moved on (an import, from this process or another one) it catches up
/// from the store's change feed before answering, committing the changed papers in one step. One
/// process writes the index; another that finds it locked searches the last commit read-only.
/// A damaged index is reported in the log and rebuilt from the store.
/// </summary>
public sealed partial class PaperSearchService : IDisposable
{
    /// <summary>Longer queries are refused: they are never typed by people and only cost time.</summary>
    public const int MaxQueryLength = 1000;

    /// <summary>The commit data key holding the store generation an index commit reflects.</summary>
    public const string StoreGenerationKey = "store_generation";

    /// <summary>The commit data key holding the version of <see cref="ToDocument"/> an index was built with.</summary>
    public const string DocumentMappingKey = "document_mapping";

    /// <summary>
    /// Raised whenever <see cref="ToDocument"/> indexes something new, so an index built by an older
    /// version is rebuilt from the store once instead of missing it for papers that never change again.
    /// Raise it too when TextCleaner changes its output: the SQLite store cleans most abstracts as it
    /// reads them (docs/STORE.md), so their text changes without their rows changing.
    /// 2: the reserved code categories.
    /// </summary>
    public const int DocumentMapping = 2;

    /// <summary>
    /// Reserved index categories: every paper carries exactly one, by whether it links a code repository,
    /// so "has code" is an exact filter (<see cref="SearchFilters"/>). They never show in facets, and no
    /// arXiv category is named like them.
    /// </summary>
    public const string HasCodeCategory = "paperboy.code";

    /// <inheritdoc cref="HasCodeCategory"/>
    public const string NoCodeCategory = "paperboy.no-code";

    /// <summary>A query every paper matches (one of the reserved categories), for counts over the whole index.</summary>
    public const string EveryPaper = $"cat:{HasCodeCategory} cat:{NoCodeCategory}";

    private readonly IPaperStore _store;
    private readonly SearchSettings _settings;
    private readonly ILogger<PaperSearchService> _logger;
    private readonly SemanticSearch? _semantic;
    private readonly HybridSettings _hybrid;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private SearchIndexWriter? _writer;
    private bool _readOnly;
    private volatile IndexSnapshot? _snapshot;

    /// <param name="semantic">Search by meaning, when the host set it up (docs/SEMANTIC.md); keyword search alone without it.</param>
    public PaperSearchService(IPaperStore store, SearchSettings settings, PaperboyOptions options, ILogger<PaperSearchService> logger, SemanticSearch? semantic = null)
    {
        _store = store;
        _settings = settings;
        _logger = logger;
        _semantic = semantic;
        _hybrid = options.Semantic.Hybrid;
        IndexDirectory = Path.Combine(options.DataDirectory, "index");
    }

    public string IndexDirectory { get; }

    public Task<PaperSearchResult> SearchAsync(string query, int limit, int offset, CancellationToken cancellationToken) =>
        SearchAsync(query, limit, offset, SearchSort.Relevance, facets: false, cancellationToken);

    /// <summary>A page of papers in the given order, with facet counts over every match when <paramref name="facets"/> is set.</summary>
    public Task<PaperSearchResult> SearchAsync(string query, int limit, int offset, SearchSort sort, bool facets, CancellationToken cancellationToken) =>
        SearchAsync(query, limit, offset, sort, facets, mode: null, cancellationToken);

    /// <summary>
    /// The same, ranked by words, by meaning or both (<paramref name="mode"/>; null: hybrid when papers
    /// have vectors, else keyword). Semantic and hybrid ranking need papers embedded and apply to the
    /// relevance order; otherwise the search falls back to keywords and the result says why.
    /// </summary>
    public async Task<PaperSearchResult> SearchAsync(string query, int limit, int offset, SearchSort sort, bool facets, SearchMode? mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (query.Length > MaxQueryLength)
        {
            throw new QueryTooLongException(query.Length, MaxQueryLength);
        }

        var index = await CurrentIndexAsync(cancellationToken);
        if (facets)
        {
            // Room for the two reserved categories, which WithoutReserved drops from what is shown.
            index = index.WithSettings(index.Settings with { MaxFacetCategories = index.Settings.MaxFacetCategories + 2 });
        }
        var (semantic, notice) = await ByMeaningAsync(query, sort, mode, cancellationToken);
        IReadOnlyList<SearchHit> found;
        int total;
        bool atLeast;
        FacetCounts? facetCounts;
        Dictionary<string, SearchMatch>? matches = null;
        if (semantic is null)
        {
            var results = index.Search(new SearchRequest(query) { Limit = limit, Offset = offset, Sort = sort, Facets = facets });
            (found, total, atLeast, facetCounts) = (results.Hits, results.TotalMatches, results.TotalIsLowerBound, results.Facets);
        }
        else
        {
            var hybrid = HybridRanking.Rank(index, semantic.Value.Index, query, semantic.Value.Text, semantic.Value.Mode, limit, offset, facets, _hybrid);
            found = index.Describe(hybrid.Page.Select(p => (p.Key, p.Score)).ToList(), query);
            matches = hybrid.Page.ToDictionary(p => p.Key, p => p.Match, StringComparer.Ordinal);
            (total, atLeast, facetCounts) = (hybrid.Total, hybrid.TotalIsLowerBound, hybrid.Facets);
        }
        var papers = await _store.GetManyAsync(found.Select(h => h.Key).ToList(), cancellationToken);
        var byId = papers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var hits = found
            .Where(h => byId.ContainsKey(h.Key))
            .Select(h => new PaperHit(byId[h.Key], h.Score, h.Title, h.Abstract) { Match = matches?.GetValueOrDefault(h.Key) ?? SearchMatch.Words })
            .ToList();
        var shownFacets = WithoutReserved(facetCounts) is { } shown
            ? shown with { Categories = shown.Categories.Take(_settings.MaxFacetCategories).ToList() }
            : null;
        return new PaperSearchResult(query, total, offset, hits)
        {
            TotalIsLowerBound = atLeast,
            Sort = sort,
            Facets = shownFacets,
            Mode = semantic?.Mode ?? SearchMode.Keyword,
            Notice = notice,
        };
    }

    /// <summary>
    /// The vectors to rank by and the mode, or null for keyword ranking, with a notice when the mode
    /// asked for could not be honoured.
    /// </summary>
    private async Task<((SemanticIndex Index, string Text, SearchMode Mode)? Semantic, string? Notice)> ByMeaningAsync(
        string query, SearchSort sort, SearchMode? mode, CancellationToken cancellationToken)
    {
        if (mode == SearchMode.Keyword)
        {
            return (null, null);
        }
        string text = SemanticQueryText.From(query);
        var index = _semantic is null ? null : await _semantic.OpenAsync(cancellationToken);
        if (mode is null)
        {
            return index is not null && sort == SearchSort.Relevance && text.Length > 0 ? ((index, text, SearchMode.Hybrid), null) : (null, null);
        }
        string? why = index is null ? "semantic search is not set up here yet (paperboy embed, docs/SEMANTIC.md): ranked by keywords"
            : sort != SearchSort.Relevance ? "semantic ranking orders by relevance only: sorted by keywords"
            : text.Length == 0 ? "the query has no words to search by meaning: ranked by keywords"
            : null;
        return why is null ? ((index!, text, mode.Value), null) : (null, why);
    }
    /// <summary>The same, with the search page's filters applied to the query (<see cref="SearchFilters.Apply"/>).</summary>
    public Task<PaperSearchResult> SearchAsync(string query, SearchFilters filters, int limit, int offset, SearchSort sort, bool facets, SearchMode? mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return SearchAsync(filters.Apply(query), limit, offset, sort, facets, mode, cancellationToken);
    }

    /// <summary>How many papers each category holds over the whole index, most first (at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<FacetValue>> CategoryCountsAsync(int max, CancellationToken cancellationToken)
    {
        var index = await CurrentIndexAsync(cancellationToken);
        var wide = index.WithSettings(index.Settings with { MaxFacetCategories = max + 2 });
        var results = wide.Search(new SearchRequest(EveryPaper) { Limit = 1, Highlight = false, Facets = true });
        return WithoutReserved(results.Facets)?.Categories.Take(max).ToList() ?? [];
    }

    private static FacetCounts? WithoutReserved(FacetCounts? facets) =>
        facets is null ? null : facets with { Categories = facets.Categories.Where(c => !IsReserved(c.Value)).ToList() };

    private static bool IsReserved(string category) =>
        category.Equals(HasCodeCategory, StringComparison.OrdinalIgnoreCase) || category.Equals(NoCodeCategory, StringComparison.OrdinalIgnoreCase);

    /// <summary>The ids of the best matches only, without loading papers: for evaluation at depth and benchmarks.</summary>
    public async Task<IReadOnlyList<string>> RankAsync(string query, int limit, CancellationToken cancellationToken, SearchMode mode = SearchMode.Keyword)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = await CurrentIndexAsync(cancellationToken);
        var (semantic, notice) = await ByMeaningAsync(query, SearchSort.Relevance, mode, cancellationToken);
        if (notice is not null && mode != SearchMode.Keyword)
        {
            throw new InvalidOperationException(notice);
        }
        if (semantic is null)
        {
            return index.Search(query, limit, highlight: false).Hits.Select(h => h.Key).ToList();
        }
        var hybrid = HybridRanking.Rank(index, semantic.Value.Index, query, semantic.Value.Text, semantic.Value.Mode, limit, 0, facets: false, _hybrid);
        return hybrid.Page.Select(p => p.Key).ToList();
    }

    /// <summary>The index as of the store's current generation (caught up first if need be).</summary>
    public Task<SearchIndex> GetIndexAsync(CancellationToken cancellationToken) => CurrentIndexAsync(cancellationToken);

    /// <summary>
    /// Indexes the papers an import stores while it stores them, and returns the index as of the store
    /// once <paramref name="import"/> has ended (however it ended: its outcome is the caller's to read).
    /// Every second it adds what the store changed since the last round to the writer; full segments are
    /// written as they fill, and the commit comes once, at the end, so an interrupted import leaves the
    /// index at its last commit, which the next search catches up from. Storing leaves much of the second
    /// core idle (its writer waits on the disk and on collections), so the indexing runs there instead of after it.
    /// In a process that only reads the index, this waits for the import and returns the last commit.
    /// </summary>
    public async Task<SearchIndex> FollowAsync(Task import, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(import);
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (OpenWriter() is { } writer)
            {
                return await FollowAsync(writer, import, cancellationToken);
            }
        }
        catch (Exception)
        {
            // Cancelled or failed: the caller may dispose the store once this returns, so not before the import has stopped.
            await SettleAsync(import);
            throw;
        }
        finally
        {
            _refresh.Release();
        }
        await SettleAsync(import);
        return await CurrentIndexAsync(cancellationToken);
    }

    private async Task<SearchIndex> FollowAsync(SearchIndexWriter writer, Task import, CancellationToken cancellationToken)
    {
        // Observed before the generation is read, so no batch committed after it goes unreported.
        using var batches = new StoredBatchQueue(_store);
        long? indexed = NeedsRebuild(writer.Snapshot, await _store.GetGenerationAsync(cancellationToken))
            ? null
            : IndexedGeneration(writer.Snapshot);
        Task? reported = null;
        while (true)
        {
            var ended = import.IsCompleted;
            if (indexed is null)
            {
                indexed = await _store.GetGenerationAsync(cancellationToken);
                await ReplaceWithEveryPaperAsync(writer, cancellationToken);
            }
            indexed = await FollowRoundAsync(writer, batches, indexed.Value, ended, cancellationToken);
            if (ended)
            {
                // The import had returned before this round, so the round took in every batch it committed.
                break;
            }
            // One wait for a report at a time: a round that ended on the timer keeps the wait it had.
            reported = reported is { IsCompleted: false } ? reported : batches.WaitAsync(cancellationToken);
            await Task.WhenAny(import, reported, Task.Delay(FollowRound, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
        var index = writer.Commit(GenerationData(indexed.Value));
        _snapshot = new IndexSnapshot(indexed.Value, index, null);
        return index;
    }

    /// <summary>
    /// Adds to the writer what the store changed after <paramref name="indexed"/> and returns the generation
    /// it reached. Batches the store reported that follow on from the indexed generation are added as
    /// written, without reading them back (reading 1M papers back was about a tenth of an import's work).
    /// A gap in the reported generations (another process wrote in between) is read from the change feed,
    /// which brings in every later batch as well; so is whatever came after the last report, once the
    /// import has ended (<paramref name="final"/>), and every change of a store that does not report.
    /// While the import runs, the store's generation is not read: its own batches may be committed and
    /// not yet reported (waiting for room in the queue), and would look like a gap.
    /// </summary>
    private async Task<long> FollowRoundAsync(SearchIndexWriter writer, StoredBatchQueue batches, long indexed, bool final, CancellationToken cancellationToken)
    {
        foreach (var batch in batches.TakeAll())
        {
            if (batch.Generation == indexed + 1)
            {
                foreach (var id in batch.Removed)
                {
                    writer.Delete(id);
                }
                foreach (var paper in batch.Changed)
                {
                    writer.Add(ToDocument(paper));
                }
                indexed = batch.Generation;
            }
            else if (batch.Generation > indexed)
            {
                indexed = await AddChangesUpToNowAsync(writer, indexed, cancellationToken);
            }
        }
        return final || !batches.Reports ? await AddChangesUpToNowAsync(writer, indexed, cancellationToken) : indexed;
    }

    // The change feed since a generation, up to the store's generation as read first; returns that generation.
    private async Task<long> AddChangesUpToNowAsync(SearchIndexWriter writer, long indexed, CancellationToken cancellationToken)
    {
        var generation = await _store.GetGenerationAsync(cancellationToken);
        if (generation > indexed)
        {
            await AddChangesAsync(writer, indexed, cancellationToken);
        }
        return Math.Max(generation, indexed);
    }

    /// <summary>How often <see cref="FollowAsync(Task, CancellationToken)"/> takes in what the store changed; tests shorten it.</summary>
    public TimeSpan FollowRound { get; init; } = TimeSpan.FromSeconds(1);

    private static async Task SettleAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // The caller awaits the task itself and handles its failure.
        }
    }

    /// <summary>
    /// Rebuilds the index from every stored paper and commits it in one step, replacing the old one
    /// only then (a crash meanwhile leaves the old index); merges before returning.
    /// </summary>
    public async Task<SearchIndex> ReindexAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var writer = OpenWriter() ?? throw new IndexLockedException(IndexDirectory);
            var generation = await _store.GetGenerationAsync(cancellationToken);
            await RebuildAsync(writer, generation, cancellationToken);
            writer.MergeNow();
            _snapshot = new IndexSnapshot(generation, writer.Snapshot, null);
            return writer.Snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _refresh.Dispose();
    }

    private async Task<SearchIndex> CurrentIndexAsync(CancellationToken cancellationToken)
    {
        var generation = await _store.GetGenerationAsync(cancellationToken);
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.StoreGeneration == generation)
        {
            return snapshot.Index;
        }
        // A search arriving while another catches the index up answers from the previous commit.
        if (snapshot is not null && !await _refresh.WaitAsync(0, cancellationToken))
        {
            return snapshot.Index;
        }
        if (snapshot is null)
        {
            await _refresh.WaitAsync(cancellationToken);
        }
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && snapshot.StoreGeneration == generation)
            {
                return snapshot.Index;
            }
            if (OpenWriter() is { } writer)
            {
                var index = await CatchUpAsync(writer, generation, cancellationToken);
                _snapshot = new IndexSnapshot(IndexedGeneration(index) ?? -1, index, null);
                return index;
            }
            // Read-only: the writing process catches up; reopen only when it has committed since.
            var committedAt = File.GetLastWriteTimeUtc(Path.Combine(IndexDirectory, "index.meta"));
            if (snapshot is not null && snapshot.CommittedAt == committedAt)
            {
                return snapshot.Index;
            }
            var opened = SearchIndex.Open(IndexDirectory, _settings);
            _snapshot = new IndexSnapshot(IndexedGeneration(opened) ?? -1, opened, committedAt);
            return opened;
        }
        finally
        {
            _refresh.Release();
        }
    }

    // The writer, opened on first use; null when another process holds the index (then this one reads).
    private SearchIndexWriter? OpenWriter()
    {
        if (_writer is not null || _readOnly)
        {
            return _writer;
        }
        try
        {
            _writer = SearchIndexWriter.Open(IndexDirectory, _settings, discardDamaged: true);
            if (_writer.DamagedIndexDiscarded)
            {
                LogDamagedIndex(_logger, IndexDirectory);
            }
        }
        catch (IndexLockedException)
        {
            _readOnly = true;
            LogReadOnly(_logger, IndexDirectory);
        }
        return _writer;
    }

    private async Task<SearchIndex> CatchUpAsync(SearchIndexWriter writer, long generation, CancellationToken cancellationToken)
    {
        if (NeedsRebuild(writer.Snapshot, generation))
        {
            return await RebuildAsync(writer, generation, cancellationToken);
        }
        var indexed = IndexedGeneration(writer.Snapshot)!.Value;
        if (indexed == generation)
        {
            return writer.Snapshot;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (changed, removed) = await AddChangesAsync(writer, indexed, cancellationToken);
        var index = writer.Commit(GenerationData(generation));
        LogCaughtUp(_logger, changed, removed, index.DocumentCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return index;
    }

    // Never indexed, or the index belongs to another (newer, since replaced) store, or it was built by
    // an older ToDocument: start over.
    private static bool NeedsRebuild(SearchIndex index, long generation) =>
        IndexedGeneration(index) is not { } indexed || indexed > generation || MappingOf(index) != DocumentMapping;

    // The papers changed and removed after a generation, into the writer (not committed). Rows a batch
    // commits while this reads may come in now and again next time: adding a paper again replaces it.
    private async Task<(int Changed, int Removed)> AddChangesAsync(SearchIndexWriter writer, long since, CancellationToken cancellationToken)
    {
        var changed = 0;
        await foreach (var paper in _store.ScanChangedSinceAsync(since, cancellationToken))
        {
            writer.Add(ToDocument(paper));
            changed++;
        }
        var removed = await _store.ListRemovedSinceAsync(since, cancellationToken);
        foreach (var id in removed)
        {
            writer.Delete(id);
        }
        return (changed, removed.Count);
    }

    private async Task<SearchIndex> RebuildAsync(SearchIndexWriter writer, long generation, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await ReplaceWithEveryPaperAsync(writer, cancellationToken);
        var index = writer.Commit(GenerationData(generation));
        LogRebuilt(_logger, index.DocumentCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return index;
    }

    // Every stored paper, in place of what the writer held (not committed).
    private async Task ReplaceWithEveryPaperAsync(SearchIndexWriter writer, CancellationToken cancellationToken)
    {
        writer.DeleteAll();
        await foreach (var paper in _store.ScanAsync(cancellationToken))
        {
            writer.Add(ToDocument(paper));
        }
    }

    private static Dictionary<string, string> GenerationData(long generation) => new()
    {
        [StoreGenerationKey] = generation.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [DocumentMappingKey] = DocumentMapping.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int MappingOf(SearchIndex index) =>
        index.CommitData.TryGetValue(DocumentMappingKey, out var value)
        && int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var mapping)
            ? mapping
            : 1;

    private static long? IndexedGeneration(SearchIndex index) =>
        index.CommitData.TryGetValue(StoreGenerationKey, out var value)
        && long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var generation)
            ? generation
            : null;

    /// <summary>What the index reads of a paper; public so the benchmark indexes exactly this.</summary>
    public static SearchDocument ToDocument(Paper paper) => new(
        paper.Id,
        paper.Title,
        paper.Abstract,
        paper.Authors,
        [.. paper.Categories, paper.CodeLinks.Count > 0 ? HasCodeCategory : NoCodeCategory],
        paper.Published?.Year,
        paper.Published is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : null,
        paper.Engagement?.Upvotes ?? 0);

    [LoggerMessage(Level = LogLevel.Information, Message = "search: index rebuilt from the store, {Papers} papers in {Milliseconds:F0} ms")]
    private static partial void LogRebuilt(ILogger logger, int papers, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "search: index caught up, {Changed} papers changed and {Removed} removed, {Papers} papers in {Milliseconds:F0} ms")]
    private static partial void LogCaughtUp(ILogger logger, int changed, int removed, int papers, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "search: the index in {Directory} was unreadable and is rebuilt from the store")]
    private static partial void LogDamagedIndex(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "search: another process writes the index in {Directory}; searching its last commit")]
    private static partial void LogReadOnly(ILogger logger, string directory);

    /// <param name="CommittedAt">For a read-only index, when the meta file it was opened from was written.</param>
    private sealed record IndexSnapshot(long StoreGeneration, SearchIndex Index, DateTime? CommittedAt);
}

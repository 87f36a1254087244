using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Searching;
using Paperboy.Application.Semantic;
using Paperboy.Core.Storage;
using Paperboy.Search;
using Paperboy.Testing;

namespace Paperboy.Application.Tests.Semantic;

/// <summary>
/// Semantic and hybrid search end to end over a real store: word vectors from a GloVe file (written
/// by the test, geometry known), SIF fitted on the stored papers, the papers embedded into the
/// vector index, queries that share no word with the paper they describe.
/// </summary>
public sealed class SemanticSearchTests : IAsyncLifetime
{
    private readonly string _vectors = Path.Combine(Path.GetTempPath(), $"paperboy-topics-{Guid.NewGuid():N}.txt");
    private AppServices _app = null!;

    public async Task InitializeAsync()
    {
        TopicWordVectors.Write(_vectors);
        _app = new AppServices(loadDemoCorpus: false, configure: o => o.Semantic.WordVectorsPath = _vectors);
        await _app.Get<IPaperStore>().InitializeAsync(CancellationToken.None);
        await _app.Get<IPaperStore>().UpsertAsync(SemanticPapers.All, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_vectors);
    }

    private async Task<EmbeddingRunReport> EmbedAsync()
    {
        var embedder = await _app.Get<EmbedderProvider>().GetAsync(CancellationToken.None);
        Assert.NotNull(embedder);
        return await _app.Get<PaperEmbeddings>().RunAsync(embedder, progress: null, CancellationToken.None);
    }

    [Fact]
    public async Task Before_embedding_search_is_keyword_and_says_why_a_semantic_search_was_not()
    {
        var search = _app.Get<PaperSearchService>();

        var byDefault = await search.SearchAsync("sensor", 10, 0, SearchSort.Relevance, facets: false, mode: null, CancellationToken.None);
        var semantic = await search.SearchAsync("sensor", 10, 0, SearchSort.Relevance, facets: false, SearchMode.Semantic, CancellationToken.None);

        Assert.Equal(SearchMode.Keyword, byDefault.Mode);
        Assert.Null(byDefault.Notice);
        Assert.Equal(SearchMode.Keyword, semantic.Mode);
        Assert.Contains("paperboy embed", semantic.Notice, StringComparison.Ordinal);
        Assert.Equal(["2401.10001", "2401.10002"], semantic.Hits.Select(h => h.Paper.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_query_sharing_no_word_with_the_papers_finds_them_by_meaning()
    {
        var report = await EmbedAsync();
        var search = _app.Get<PaperSearchService>();

        var keyword = await search.SearchAsync("which detector is lying", 5, 0, SearchSort.Relevance, false, SearchMode.Keyword, CancellationToken.None);
        var semantic = await search.SearchAsync("which detector is lying", 5, 0, SearchSort.Relevance, false, SearchMode.Semantic, CancellationToken.None);

        Assert.Equal(12, report.Embedded);
        Assert.Empty(keyword.Hits);
        Assert.Equal(SearchMode.Semantic, semantic.Mode);
        Assert.Equal(["2401.10001", "2401.10002", "2401.10003"], semantic.Hits.Take(3).Select(h => h.Paper.Id).Order(StringComparer.Ordinal));
        Assert.All(semantic.Hits, h => Assert.Equal(SearchMatch.Meaning, h.Match));
        Assert.True(semantic.Hits[0].Score > semantic.Hits[3].Score);
    }

    [Fact]
    public async Task Once_papers_are_embedded_the_default_is_hybrid_and_keeps_the_keyword_matches_first()
    {
        await EmbedAsync();
        var search = _app.Get<PaperSearchService>();

        var hybrid = await search.SearchAsync("calibration molecule", 10, 0, SearchSort.Relevance, facets: true, mode: null, CancellationToken.None);

        Assert.Equal(SearchMode.Hybrid, hybrid.Mode);
        // Both keyword matches lead (each is first in one list and high in the other); papers of the same topics follow by meaning.
        Assert.Equal(["2401.10002", "2401.10005"], hybrid.Hits.Take(2).Select(h => h.Paper.Id).Order(StringComparer.Ordinal));
        Assert.All(hybrid.Hits.Take(2), h => Assert.Equal(SearchMatch.WordsAndMeaning, h.Match));
        Assert.Contains(hybrid.Hits.Skip(2), h => h.Match == SearchMatch.Meaning && h.Paper.Categories.Contains("q-bio.BM"));
        Assert.NotNull(hybrid.Facets);
        // The two keyword matches plus every other paper the semantic list reached (all twelve, read 100 deep).
        Assert.Equal(12, hybrid.TotalMatches);
        Assert.Equal(10, hybrid.Hits.Count);
    }

    [Fact]
    public async Task Filters_apply_inside_the_semantic_search()
    {
        await EmbedAsync();
        var search = _app.Get<PaperSearchService>();

        var filtered = await search.SearchAsync("which detector is lying cat:physics.ins-det", 5, 0, SearchSort.Relevance, false, SearchMode.Semantic, CancellationToken.None);
        var none = await search.SearchAsync("which detector is lying cat:nowhere", 5, 0, SearchSort.Relevance, false, SearchMode.Semantic, CancellationToken.None);

        Assert.Equal("2401.10003", Assert.Single(filtered.Hits).Paper.Id);
        Assert.Empty(none.Hits);
    }

    [Fact]
    public async Task A_second_run_embeds_nothing_and_a_changed_or_removed_paper_is_caught_up()
    {
        await EmbedAsync();
        var store = _app.Get<IPaperStore>();

        var again = await EmbedAsync();
        await store.UpsertAsync([SemanticPapers.Paper("2401.10001", "Faulty sensor readings", "Broken detectors and their measurements.", "eess.SP") with { Versions = [new Paperboy.Core.Papers.PaperVersion(2, null)] }], CancellationToken.None);
        var changed = await EmbedAsync();

        Assert.Equal(0, again.Embedded);
        Assert.Equal(1, changed.Embedded);
        Assert.Equal(12, changed.Total);
    }

    [Fact]
    public async Task Similar_papers_and_papers_like_a_set_are_their_topic_neighbours()
    {
        await EmbedAsync();
        var semantic = await _app.Get<SemanticSearch>().OpenAsync(CancellationToken.None);
        Assert.NotNull(semantic);

        var similar = semantic.Similar("2401.10007", 2);
        var likeThese = semantic.LikeThese(["2401.10010", "2401.10011"], 1);
        var unknown = semantic.Similar("no-such-paper", 2);

        Assert.Equal(["2401.10008", "2401.10009"], similar!.Select(h => h.Key).Order(StringComparer.Ordinal));
        Assert.Equal("2401.10012", Assert.Single(likeThese!).Key);
        Assert.Null(unknown);
    }
}

/// <summary>An embedding run stopped part-way keeps its checkpoints, and the next run embeds only the rest.</summary>
public sealed class EmbeddingResumeTests : IAsyncLifetime
{
    private readonly string _vectors = Path.Combine(Path.GetTempPath(), $"paperboy-topics-{Guid.NewGuid():N}.txt");
    private AppServices _app = null!;

    public async Task InitializeAsync()
    {
        TopicWordVectors.Write(_vectors);
        _app = new AppServices(loadDemoCorpus: false, configure: o =>
        {
            o.Semantic.WordVectorsPath = _vectors;
            o.Semantic.BatchSize = 2;
            o.Semantic.CommitEvery = 4;
        });
        await _app.Get<IPaperStore>().InitializeAsync(CancellationToken.None);
        await _app.Get<IPaperStore>().UpsertAsync(SemanticPapers.All, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_vectors);
    }

    [Fact]
    public async Task A_run_cancelled_after_six_papers_resumes_with_the_papers_not_yet_committed()
    {
        var embedder = (await _app.Get<EmbedderProvider>().GetAsync(CancellationToken.None))!;
        var embeddings = _app.Get<PaperEmbeddings>();
        using var stop = new CancellationTokenSource();
        // Synchronous progress: cancel as soon as six papers are embedded (four of them committed).
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done >= 6)
            {
                stop.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => embeddings.RunAsync(embedder, progress, stop.Token));
        int committed = embeddings.Snapshot(embedder.Model)!.Count;
        var resumed = await embeddings.RunAsync(embedder, progress: null, CancellationToken.None);

        Assert.Equal(4, committed);
        Assert.Equal(8, resumed.Embedded);
        Assert.Equal(12, resumed.Total);
    }

    private sealed class SynchronousProgress(Action<EmbeddingProgress> report) : IProgress<EmbeddingProgress>
    {
        public void Report(EmbeddingProgress value) => report(value);
    }
}

/// <summary>SIF's fit follows the library: when the store has doubled since the fit, the next embedder is fitted again, with a new model id.</summary>
public sealed class SifRefitTests : IAsyncLifetime
{
    private readonly Accounts.ManualTime _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _vectors = Path.Combine(Path.GetTempPath(), $"paperboy-topics-{Guid.NewGuid():N}.txt");
    private AppServices _app = null!;

    public async Task InitializeAsync()
    {
        TopicWordVectors.Write(_vectors);
        _app = new AppServices(loadDemoCorpus: false, configure: o => o.Semantic.WordVectorsPath = _vectors,
            services: s => s.AddSingleton<TimeProvider>(_time));
        await _app.Get<IPaperStore>().InitializeAsync(CancellationToken.None);
        await _app.Get<IPaperStore>().UpsertAsync(SemanticPapers.All.Take(6).ToList(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_vectors);
    }

    [Fact]
    public async Task A_store_grown_to_twice_the_fitted_papers_gets_a_new_fit_and_its_papers_are_embedded_again()
    {
        var embedders = _app.Get<EmbedderProvider>();
        var first = (await embedders.GetAsync(CancellationToken.None))!;
        await _app.Get<PaperEmbeddings>().RunAsync(first, progress: null, CancellationToken.None);

        await _app.Get<IPaperStore>().UpsertAsync(SemanticPapers.All.Skip(6).ToList(), CancellationToken.None);
        var soon = (await embedders.GetAsync(CancellationToken.None))!;
        _time.Advance(TimeSpan.FromMinutes(1));
        var later = (await embedders.GetAsync(CancellationToken.None))!;
        var rerun = await _app.Get<PaperEmbeddings>().RunAsync(later, progress: null, CancellationToken.None);

        // Asked again at once, the fit stands (the growth check runs at most every 30 s); a minute on, it is redone.
        Assert.Equal(first.Model.Id, soon.Model.Id);
        Assert.NotEqual(first.Model.Id, later.Model.Id);
        Assert.Equal(12, rerun.Embedded);
        Assert.Equal(later.Model.Id, rerun.Model.Id);
        // The first model's vectors are gone: one directory of vectors remains.
        Assert.Single(Directory.GetDirectories(_app.Get<PaperEmbeddings>().Root));
    }
}

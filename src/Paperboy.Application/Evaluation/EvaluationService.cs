using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Paperboy.Application.Searching;
using Paperboy.Application.Semantic;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Search;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Application.Evaluation;

/// <summary>
/// Measures ranking quality: a query set in the dev-eval format against the current store, or a
/// whole test collection (docs, queries, TREC qrels) indexed in a throwaway store.
/// </summary>
public sealed class EvaluationService(
    PaperSearchService search, SearchSettings settings, PaperboyOptions options, EmbedderProvider embedders, ILoggerFactory? loggerFactory = null)
{
    private const int CollectionDepth = 1000;

    public Task<QuerySetReport> EvaluateQuerySetAsync(string queriesFile, int limit, CancellationToken cancellationToken) =>
        EvaluateQuerySetAsync(queriesFile, limit, SearchMode.Keyword, cancellationToken);

    /// <summary>
    /// The query set ranked in the given mode. A semantic or hybrid evaluation needs the papers
    /// embedded (`paperboy embed`); without them it fails rather than report keyword figures.
    /// </summary>
    public async Task<QuerySetReport> EvaluateQuerySetAsync(string queriesFile, int limit, SearchMode mode, CancellationToken cancellationToken)
    {
        var queries = await DevEvalQuery.ReadAllAsync(queriesFile, cancellationToken);
        var scores = new List<(string Style, QueryScores Scores)>();
        foreach (var query in queries)
        {
            var result = await search.SearchAsync(Truncate(query.Query), limit, 0, SearchSort.Relevance, facets: false, mode, cancellationToken);
            if (result.Mode != mode && result.Notice is { } notice)
            {
                throw new InvalidOperationException($"eval: {notice}");
            }
            var gains = query.Relevant.ToDictionary(TitleOf, _ => 1, StringComparer.Ordinal);
            var ranked = result.Hits.Select(h => RankedTitle(h.Paper, gains)).ToList();
            scores.Add((query.Style, new QueryScores(
                RankingMetrics.ReciprocalRank(ranked, gains, limit),
                RankingMetrics.Ndcg(ranked, gains, limit),
                RankingMetrics.Recall(ranked, gains, limit))));
        }
        var byStyle = scores
            .GroupBy(s => s.Style, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => QuerySetScores.Mean(g.Select(s => s.Scores).ToList()), StringComparer.Ordinal);
        return new QuerySetReport(QuerySetScores.Mean(scores.Select(s => s.Scores).ToList()), byStyle);
    }

    public Task<CollectionReport> EvaluateCollectionAsync(string directory, CancellationToken cancellationToken) =>
        EvaluateCollectionAsync(directory, SearchMode.Keyword, cancellationToken);

    /// <summary>
    /// The collection indexed in a throwaway store and ranked in the given mode. For semantic and
    /// hybrid, its documents are embedded there too: with the configured model, or with SIF over the
    /// installed word vectors fitted on the collection itself.
    /// </summary>
    public async Task<CollectionReport> EvaluateCollectionAsync(string directory, SearchMode mode, CancellationToken cancellationToken)
    {
        var collection = await TestCollection.ReadAsync(directory, cancellationToken);
        string temp = Path.Combine(Path.GetTempPath(), $"paperboy-eval-{Guid.NewGuid():N}");
        try
        {
            await using var store = SqlitePaperStore.InDataDirectory(temp);
            await store.InitializeAsync(cancellationToken);
            foreach (var chunk in collection.Documents.Chunk(1000))
            {
                await store.UpsertAsync(chunk, cancellationToken);
            }
            var loggers = loggerFactory ?? NullLoggerFactory.Instance;
            var collectionOptions = new PaperboyOptions { DataDirectory = temp, Semantic = await CollectionSemanticOptionsAsync(mode, cancellationToken) };
            using var embeddings = new PaperEmbeddings(store, collectionOptions, loggers.CreateLogger<PaperEmbeddings>());
            using var collectionEmbedders = new EmbedderProvider(collectionOptions, store, loggers.CreateLogger<EmbedderProvider>());
            if (mode != SearchMode.Keyword)
            {
                var embedder = await collectionEmbedders.GetAsync(cancellationToken)
                    ?? throw new InvalidOperationException("eval: semantic search is not set up (paperboy embed, docs/SEMANTIC.md)");
                await embeddings.RunAsync(embedder, progress: null, cancellationToken);
            }
            using var collectionSearch = new PaperSearchService(store, settings, collectionOptions, loggers.CreateLogger<PaperSearchService>(),
                new SemanticSearch(collectionEmbedders, embeddings));

            var perQuery = new List<CollectionScores>();
            foreach (var (queryId, text) in collection.Queries)
            {
                var gains = collection.Judgments.GetValueOrDefault(queryId) ?? new Dictionary<string, int>();
                var ranked = await collectionSearch.RankAsync(Truncate(text), CollectionDepth, cancellationToken, mode);
                perQuery.Add(new CollectionScores(
                    RankingMetrics.Ndcg(ranked, gains, 10),
                    RankingMetrics.AveragePrecision(ranked, gains),
                    RankingMetrics.ReciprocalRank(ranked, gains, 10),
                    RankingMetrics.Recall(ranked, gains, 100)));
            }
            return CollectionReport.Mean(perQuery);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    // The configured semantic settings, with the word vectors this installation uses (the fit is the collection's own).
    private async Task<SemanticOptions> CollectionSemanticOptionsAsync(SearchMode mode, CancellationToken cancellationToken) => new()
    {
        ModelPath = options.Semantic.ModelPath,
        Int8Weights = options.Semantic.Int8Weights,
        MaxTokens = options.Semantic.MaxTokens,
        SifA = options.Semantic.SifA,
        BatchSize = options.Semantic.BatchSize,
        Hybrid = options.Semantic.Hybrid,
        WordVectorsPath = mode == SearchMode.Keyword || options.Semantic.ModelPath is not null ? null : await embedders.InstalledTableAsync(cancellationToken),
    };

    private static string Truncate(string query) =>
        query.Length <= PaperSearchService.MaxQueryLength ? query : query[..PaperSearchService.MaxQueryLength];

    /// <summary>Judged titles are compared trimmed and whitespace-collapsed, against the raw and the cleaned title.</summary>
    private static string TitleOf(string title) => string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string RankedTitle(Paper paper, Dictionary<string, int> gains)
    {
        string raw = TitleOf(paper.TitleRaw);
        return gains.ContainsKey(raw) ? raw : TitleOf(paper.Title);
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Paperboy.Application.Searching;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Search;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Application.Evaluation;

/// <summary>
/// Measures ranking quality: a query set in the dev-eval format against the current store, or a
/// whole test collection (docs, queries, TREC qrels) indexed in a throwaway store.
/// </summary>
public sealed class EvaluationService(PaperSearchService search, SearchSettings settings, ILoggerFactory? loggerFactory = null)
{
    private const int CollectionDepth = 1000;

    public async Task<QuerySetReport> EvaluateQuerySetAsync(string queriesFile, int limit, CancellationToken cancellationToken)
    {
        var queries = await DevEvalQuery.ReadAllAsync(queriesFile, cancellationToken);
        var scores = new List<(string Style, QueryScores Scores)>();
        foreach (var query in queries)
        {
            var result = await search.SearchAsync(Truncate(query.Query), limit, 0, cancellationToken);
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

    public async Task<CollectionReport> EvaluateCollectionAsync(string directory, CancellationToken cancellationToken)
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
            var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PaperSearchService>();
            using var collectionSearch = new PaperSearchService(store, settings, new PaperboyOptions { DataDirectory = temp }, logger);

            var perQuery = new List<CollectionScores>();
            foreach (var (queryId, text) in collection.Queries)
            {
                var gains = collection.Judgments.GetValueOrDefault(queryId) ?? new Dictionary<string, int>();
                var ranked = await collectionSearch.RankAsync(Truncate(text), CollectionDepth, cancellationToken);
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

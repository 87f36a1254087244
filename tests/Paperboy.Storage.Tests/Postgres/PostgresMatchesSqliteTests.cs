using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Storage.Postgres;

namespace Paperboy.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL store merges a batch in memory where SQLite merges row by row; the same random
/// batches must leave both with the same summaries, papers, generation and change feed.
/// </summary>
public sealed class PostgresMatchesSqliteTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Random_batches_leave_both_stores_with_the_same_papers_and_change_feed(int seed)
    {
        var random = new Random(seed);
        var batches = Enumerable.Range(0, 12).Select(_ => WithClaimants(BatchLookupTests.RandomBatch(random), random)).ToList();
        await using var sqlite = await TempStore.CreateAsync();
        await using var database = await TempDatabase.CreateAsync();
        await using var postgres = new PostgresPaperStore(database.ConnectionString);

        var expected = await RunAsync(sqlite.Store, batches);
        var actual = await RunAsync(postgres, batches);

        Assert.Equal(expected.Summaries, actual.Summaries);
        Assert.Equal(expected.Papers, actual.Papers);
        Assert.Equal(expected.Feed, actual.Feed);
        Assert.Contains(expected.Summaries, s => s.Updated > 0);
        Assert.NotEqual("removed since 0: ", expected.Feed[2]);
        Assert.Contains(expected.Papers, p => p.StartsWith("doc:", StringComparison.Ordinal));
    }

    // Now and then a row whose id is not its arXiv id, which evicts the row holding that arXiv id.
    private static Paper[] WithClaimants(Paper[] batch, Random random) =>
        [.. batch.Select(p => p.ArxivId is not null && random.Next(15) == 0 ? p with { Id = "doc:" + p.ArxivId } : p)];

    private static async Task<(List<UpsertSummary> Summaries, List<string> Papers, List<string> Feed)> RunAsync(IPaperStore store, List<Paper[]> batches)
    {
        var summaries = new List<UpsertSummary>();
        foreach (var batch in batches)
        {
            summaries.Add(await store.UpsertAsync(batch, None));
        }
        var papers = new List<string>();
        await foreach (var paper in store.ScanAsync(None))
        {
            papers.Add($"{paper.Id} {paper.LatestVersion} {PaperFingerprint.Of(paper)}");
        }
        long generation = await store.GetGenerationAsync(None);
        var feed = new List<string> { $"generation {generation}" };
        for (long since = 0; since <= generation; since++)
        {
            feed.Add($"changed since {since}: {string.Join(' ', await PaperStoreConformance.ChangedAsync(store, since))}");
            feed.Add($"removed since {since}: {string.Join(' ', await store.ListRemovedSinceAsync(since, None))}");
        }
        return (summaries, papers, feed);
    }
}

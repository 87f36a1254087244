using Microsoft.Data.Sqlite;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Storage.Tests;

/// <summary>
/// The batch lookup (one query for a batch's stored rows, title lookups skipped where nothing can match)
/// against the per-paper reference path: the same batches must give the same summaries and the same rows.
/// </summary>
public sealed class BatchLookupTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string[] Titles =
    [
        "Scaling Rectified Flow Transformers", "Attention Is All You Need", "Introduction", "Deep Residual Learning",
        "A Note on Schrödinger Bridges", "Graph Neural Networks", "Diffusion Models Beat GANs", "On the Bayes Risk",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Random_batches_of_arxiv_and_title_only_papers_give_the_same_store_as_per_paper_lookups(int seed)
    {
        var random = new Random(seed);
        var batches = Enumerable.Range(0, 12).Select(_ => RandomBatch(random)).ToList();

        var (batchSummaries, batchRows, batchGeneration) = await RunAsync(batches, batchLookups: true);
        var (plainSummaries, plainRows, plainGeneration) = await RunAsync(batches, batchLookups: false);

        Assert.Equal(plainSummaries, batchSummaries);
        Assert.Equal(plainRows, batchRows); // every column but the two clock times, as stored
        Assert.Equal(plainGeneration, batchGeneration);
        Assert.Contains(plainSummaries, s => s.Updated > 0);
    }

    [Fact]
    public async Task An_arxiv_record_in_a_batch_takes_over_a_title_only_paper_stored_before()
    {
        var saved = Papers.TitleOnly("Scaling Rectified Flow Transformers");
        List<Paper[]> batches =
        [
            [saved],
            [Papers.Arxiv("2401.00001", "Other"), Papers.Arxiv("2403.03206", "Scaling  rectified flow transformers"), Papers.Arxiv("2401.00002", "More")],
        ];

        var (summaries, rows, _) = await RunAsync(batches, batchLookups: true);

        Assert.Equal(new UpsertSummary(2, 1, 0), summaries[1]);
        Assert.DoesNotContain(rows, r => r.StartsWith(saved.Id, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("2403.03206 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_title_only_paper_and_its_arxiv_record_in_one_batch_merge_either_way_round()
    {
        List<Paper[]> titleFirst = [[Papers.TitleOnly("Graph Neural Networks"), Papers.Arxiv("2401.00003", "Graph neural networks")]];
        List<Paper[]> arxivFirst = [[Papers.Arxiv("2401.00003", "Graph neural networks"), Papers.TitleOnly("Graph Neural Networks")]];

        var (titleFirstSummaries, titleFirstRows, _) = await RunAsync(titleFirst, batchLookups: true);
        var (arxivFirstSummaries, arxivFirstRows, _) = await RunAsync(arxivFirst, batchLookups: true);

        Assert.Equal(new UpsertSummary(1, 1, 0), titleFirstSummaries[0]);
        Assert.Equal(new UpsertSummary(1, 0, 1), arxivFirstSummaries[0]);
        Assert.Single(titleFirstRows);
        Assert.Single(arxivFirstRows);
    }

    [Fact]
    public async Task Versions_in_one_batch_apply_in_order_and_an_older_one_after_a_newer_changes_nothing()
    {
        List<Paper[]> batches =
        [
            [Papers.Arxiv("2401.00004", "Versioned", version: 1), Papers.Arxiv("2401.00004", "Versioned", version: 3), Papers.Arxiv("2401.00004", "Versioned", version: 2)],
        ];

        var (summaries, rows, _) = await RunAsync(batches, batchLookups: true);

        Assert.Equal(new UpsertSummary(1, 1, 1), summaries[0]);
        Assert.StartsWith("2401.00004 3 " + PaperFingerprint.Of(Papers.Arxiv("2401.00004", "Versioned", version: 3)) + " | ", Assert.Single(rows), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_claiming_each_others_arxiv_id_evict_each_other_the_same_way_on_both_paths()
    {
        // No source makes an id that is not the arXiv id; INSERT OR REPLACE would delete the holder silently.
        var claimant = Papers.Arxiv("2401.00005", "Claimant") with { Id = "doc:5" };
        List<Paper[]> batches =
        [
            [Papers.Arxiv("2401.00005", "Holder")],
            [claimant, Papers.Arxiv("2401.00006", "Bystander")],
            [Papers.Arxiv("2401.00005", "Holder", version: 2), claimant],
        ];

        var (batchSummaries, batchRows, batchGeneration) = await RunAsync(batches, batchLookups: true);
        var (plainSummaries, plainRows, plainGeneration) = await RunAsync(batches, batchLookups: false);

        Assert.Equal(plainSummaries, batchSummaries);
        Assert.Equal(plainRows, batchRows);
        Assert.Equal(plainGeneration, batchGeneration);
        Assert.Equal(new UpsertSummary(2, 0, 0), batchSummaries[2]);
        Assert.Equal(["2401.00006", "doc:5"], batchRows.Select(r => r[..r.IndexOf(' ', StringComparison.Ordinal)]));
    }

    internal static Paper[] RandomBatch(Random random)
    {
        var batch = new Paper[random.Next(1, 40)];
        for (var i = 0; i < batch.Length; i++)
        {
            var title = Titles[random.Next(Titles.Length)];
            // Case and spacing vary: the title key must still match.
            title = random.Next(3) == 0 ? title.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal) : title;
            batch[i] = random.Next(4) == 0
                ? Papers.TitleOnly(title, $"Saved page text {random.Next(3)}.")
                : Papers.Arxiv($"2401.{random.Next(30):D5}", title, version: random.Next(1, 4));
            if (random.Next(5) == 0)
            {
                // Empty text, NULLs beside values, integers and the engagement columns, bound both ways.
                batch[i] = batch[i] with
                {
                    TitleRaw = "",
                    Doi = "10.1000/x" + random.Next(3),
                    Withdrawn = true,
                    Engagement = new PaperEngagement { Upvotes = random.Next(50), TrendingDate = new DateOnly(2024, 10, 21), Keywords = ["video"] },
                };
            }
        }
        return batch;
    }

    /// <summary>
    /// Every summary, and each row as "id version fingerprint | every stored column" (first_seen and
    /// changed_at come from the clock, so they are left out).
    /// </summary>
    private static async Task<(List<UpsertSummary>, List<string>, long)> RunAsync(IEnumerable<Paper[]> batches, bool batchLookups)
    {
        await using var temp = await TempStore.CreateAsync();
        var store = new SqlitePaperStore(temp.Store.DatabasePath) { BatchLookups = batchLookups };
        var summaries = new List<UpsertSummary>();
        foreach (var batch in batches)
        {
            summaries.Add(await store.UpsertAsync(batch, None));
        }
        var rows = new List<string>();
        await foreach (var paper in store.ScanAsync(None))
        {
            rows.Add($"{paper.Id} {paper.LatestVersion} {PaperFingerprint.Of(paper)}");
        }
        await using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM papers ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync();
        for (var i = 0; await reader.ReadAsync(); i++)
        {
            var columns = Enumerable.Range(0, reader.FieldCount)
                .Where(c => reader.GetName(c) is not ("first_seen" or "changed_at"))
                .Select(c => reader.IsDBNull(c) ? "NULL" : $"{reader.GetFieldType(c).Name}:{reader.GetValue(c)}");
            rows[i] += " | " + string.Join(" | ", columns);
        }
        return (summaries, rows, await store.GetGenerationAsync(None));
    }
}

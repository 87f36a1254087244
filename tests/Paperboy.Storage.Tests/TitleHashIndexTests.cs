using Microsoft.Data.Sqlite;
using Paperboy.Core.Ids;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Storage.Tests;

/// <summary>
/// The SQLite store finds title keys through an index of their first 8 hex digits (migration 0010):
/// its queries must use that index, and keys that share the prefix must never be taken for each other.
/// </summary>
public sealed class TitleHashIndexTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Both_title_key_queries_search_the_prefix_index()
    {
        await using var temp = await TempStore.CreateAsync();
        await using var connection = new SqliteConnection($"Data Source={temp.Store.DatabasePath}");
        await connection.OpenAsync();
        string key = TitleKey.IdFor("Scaling Rectified Flow Transformers");

        string single = await PlanAsync(connection, $"SELECT id FROM papers WHERE {TitleKeySql.MatchesKeyParameter};", ("$key", key));
        string joined = await PlanAsync(connection,
            $"SELECT DISTINCT papers.title_key FROM json_each($values) AS keys {TitleKeySql.JoinOnKeys} WHERE papers.arxiv_id IS NOT NULL;",
            ("$values", $"[\"{key}\"]"));

        Assert.Contains("SEARCH papers USING INDEX papers_by_title_hash", single, StringComparison.Ordinal);
        Assert.Contains("SEARCH papers USING INDEX papers_by_title_hash", joined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arxiv_paper_takes_over_the_title_only_paper_with_its_key_not_one_sharing_the_prefix()
    {
        var (first, second) = TitlesSharingAKeyPrefix();
        await using var temp = await TempStore.CreateAsync();
        var sharing = Papers.TitleOnly(second);
        await temp.Store.UpsertAsync([Papers.TitleOnly(first), sharing], None);

        var summary = await temp.Store.UpsertAsync([Papers.Arxiv("2403.03206", first)], None);

        Assert.Equal(1, summary.Updated);
        Assert.Null(await temp.Store.GetAsync(TitleKey.IdFor(first), None));
        Assert.Equal(second, (await temp.Store.GetAsync(sharing.Id, None))!.Title);
        Assert.Equal(first, (await temp.Store.GetAsync("2403.03206", None))!.Title);
    }

    [Fact]
    public async Task A_title_only_paper_merges_into_the_arxiv_paper_with_its_key_not_one_sharing_the_prefix()
    {
        var (first, second) = TitlesSharingAKeyPrefix();
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.UpsertAsync([Papers.Arxiv("2401.00001", first), Papers.Arxiv("2401.00002", second)], None);

        var summary = await temp.Store.UpsertAsync([Papers.TitleOnly(second, "Text from a saved page.")], None);

        Assert.Equal(0, summary.Added);
        Assert.Equal(2, await temp.Store.CountAsync(None));
        Assert.Equal(first, (await temp.Store.GetAsync("2401.00001", None))!.Title);
        Assert.Equal(second, (await temp.Store.GetAsync("2401.00002", None))!.Title);
    }

    [Fact]
    public void The_two_titles_have_different_keys_with_the_same_8_digit_prefix()
    {
        var (first, second) = TitlesSharingAKeyPrefix();
        string a = TitleKey.IdFor(first), b = TitleKey.IdFor(second);

        Assert.NotEqual(a, b);
        Assert.Equal(a[..14], b[..14]);
        Assert.StartsWith("title:", a, StringComparison.Ordinal);
    }

    // A birthday search over 32 bits: about 80,000 titles, well under a second.
    private static (string First, string Second) TitlesSharingAKeyPrefix()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 0; ; n++)
        {
            string title = $"Title number {n}";
            string prefix = TitleKey.IdFor(title)[..14];
            if (seen.TryGetValue(prefix, out var earlier))
            {
                return (earlier, title);
            }
            seen.Add(prefix, title);
        }
    }

    private static async Task<string> PlanAsync(SqliteConnection connection, string sql, params (string Name, string Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        string plan = "";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan += reader.GetString(3) + "\n";
        }
        return plan;
    }
}

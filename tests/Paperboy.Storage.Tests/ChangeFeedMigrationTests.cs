using Microsoft.Data.Sqlite;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Storage.Tests;

/// <summary>A database written before the change feed (schema version 3) gains it on first open.</summary>
public sealed class ChangeFeedMigrationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    // The papers columns as the store wrote them at schema version 3, in PaperRows order.
    private const string ColumnsAtVersion3 =
        "id, arxiv_id, title_key, title, title_raw, abstract, abstract_raw, authors, categories, versions, latest_version, " +
        "published, updated, first_seen, doi, journal_ref, comments, code_links, withdrawn, field_sources, content_hash, changed_at, " +
        "upvotes, comments_count, trending_date, submitted_by, keywords, engagement_reported_at";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"paperboy-migration-test-{Guid.NewGuid():N}");

    [Fact]
    public async Task Rows_from_before_the_feed_are_stamped_with_the_generation_they_were_migrated_at()
    {
        var arxiv = Papers.Arxiv("2401.00001", "Stored before the feed");
        var saved = Papers.TitleOnly("A saved page stored before the feed");
        string path = await CreateVersion3DatabaseAsync([arxiv, saved], generation: 7);

        await using var store = new SqlitePaperStore(path);
        await store.InitializeAsync(None);

        Assert.Equal(10L, await SchemaVersionAsync(path));
        Assert.Equal(7, await store.GetGenerationAsync(None));
        Assert.Equal(["2401.00001", saved.Id], await PaperStoreConformance.ChangedAsync(store, 6));
        Assert.Empty(await PaperStoreConformance.ChangedAsync(store, 7));
        Assert.Empty(await store.ListRemovedSinceAsync(0, None));

        // Their SHA-256 content hashes still say "unchanged".
        var again = await store.UpsertAsync([arxiv, saved], None);
        Assert.Equal(new UpsertSummary(0, 0, 2), again);
        Assert.Empty(await PaperStoreConformance.ChangedAsync(store, 7));
        Assert.Equal(PaperFingerprint.OfSha256(arxiv), await ContentHashAsync(path, "2401.00001"));

        var newer = Papers.Arxiv("2401.00001", "Stored before the feed", version: 2);
        await store.UpsertAsync([newer], None);
        Assert.Equal(8, await store.GetGenerationAsync(None));
        Assert.Equal(PaperFingerprint.Of((await store.GetAsync("2401.00001", None))!), await ContentHashAsync(path, "2401.00001"));
        Assert.Equal(["2401.00001"], await PaperStoreConformance.ChangedAsync(store, 7));
        Assert.Equal([saved.Id, "2401.00001"], await PaperStoreConformance.ChangedAsync(store, 6));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Migrations 1-3 only, then the rows and generation an import at that version would leave.</summary>
    private async Task<string> CreateVersion3DatabaseAsync(IReadOnlyList<Paper> papers, long generation)
    {
        Assert.StartsWith(ColumnsAtVersion3 + ", ", PaperRows.Columns, StringComparison.Ordinal);
        Directory.CreateDirectory(_directory);
        string path = Path.Combine(_directory, SqlitePaperStore.FileName);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        Assert.Equal(3, await SqliteMigrator.MigrateAsync(connection, 3, None));

        var values = new object?[PaperRows.ColumnCount];
        int count = ColumnsAtVersion3.Split(", ").Length;
        foreach (var paper in papers)
        {
            // Stores of that age hashed content with SHA-256.
            PaperRows.Values(paper, TitleKey.TryIdFor(paper.Title), PaperFingerprint.OfSha256(paper), DateTimeOffset.UtcNow, 0, values);
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO papers ({ColumnsAtVersion3}) VALUES ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"$p{i}"))});";
            for (var i = 0; i < count; i++)
            {
                insert.Parameters.AddWithValue($"$p{i}", values[i] ?? DBNull.Value);
            }
            await insert.ExecuteNonQueryAsync();
        }
        await using var setGeneration = connection.CreateCommand();
        setGeneration.CommandText = "UPDATE store_generation SET generation = $g;";
        setGeneration.Parameters.AddWithValue("$g", generation);
        await setGeneration.ExecuteNonQueryAsync();
        return path;
    }

    private static async Task<string> ContentHashAsync(string path, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_hash FROM papers WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> SchemaVersionAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_version;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

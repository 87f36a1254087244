using Microsoft.Data.Sqlite;

namespace Paperboy.Storage.Tests;

/// <summary>What only the SQLite store has: its file's journal mode, page size and schema version table.</summary>
public sealed class SqlitePaperStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_store_is_in_wal_mode_and_records_its_schema_version()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.InitializeAsync(None);

        await using var connection = new SqliteConnection($"Data Source={temp.Store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        string? mode = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "SELECT COUNT(*), MAX(version) FROM schema_version;";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal("wal", mode);
        Assert.Equal(10L, reader.GetInt64(0));
        Assert.Equal(10L, reader.GetInt64(1));
    }

    [Fact]
    public async Task The_rows_of_one_batch_share_one_clock_reading()
    {
        await using var temp = await TempStore.CreateAsync();
        var batch = Enumerable.Range(1, 300).Select(i => Papers.Arxiv($"2401.{i:D5}", $"Paper number {i}")).ToList();

        await temp.Store.UpsertAsync(batch, None);
        await temp.Store.UpsertAsync([Papers.Arxiv("2401.99999", "A later batch")], None);

        await using var connection = new SqliteConnection($"Data Source={temp.Store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT changed_at), COUNT(DISTINCT first_seen), MIN(changed_at = first_seen) FROM papers WHERE id <> '2401.99999';";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal((1L, 1L, 1L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
    }

    [Fact]
    public async Task Every_migration_up_to_the_title_hash_index_is_recorded_in_order()
    {
        await using var temp = await TempStore.CreateAsync();
        await using var connection = new SqliteConnection($"Data Source={temp.Store.DatabasePath}");
        await connection.OpenAsync();
        await using var versions = connection.CreateCommand();
        versions.CommandText = "SELECT group_concat(version, ',') FROM (SELECT version FROM schema_version ORDER BY version);";

        string recorded = (string)(await versions.ExecuteScalarAsync())!;

        Assert.Equal("1,2,3,4,5,6,7,8,9,10", recorded);
    }

    [Fact]
    public async Task A_new_store_file_is_made_with_16_KiB_pages()
    {
        await using var temp = await TempStore.CreateAsync();

        Assert.Equal(16384L, await PageSizeAsync(temp.Store.DatabasePath));
    }

    [Fact]
    public async Task A_store_made_with_4_KiB_pages_keeps_them_and_still_takes_papers()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"paperboy-store-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, Sqlite.SqlitePaperStore.FileName);
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA page_size = 4096; CREATE TABLE made_before (x INTEGER);";
                await command.ExecuteNonQueryAsync();
            }
            await using (var store = new Sqlite.SqlitePaperStore(path))
            {
                await store.UpsertAsync([Papers.Arxiv("2401.00001", "A paper stored in an old file")], None);
                Assert.NotNull(await store.GetAsync("2401.00001", None));
            }
            SqliteConnection.ClearAllPools();

            Assert.Equal(4096L, await PageSizeAsync(path));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task An_abstract_the_source_text_cleans_into_is_stored_once_and_read_back_whole()
    {
        await using var temp = await TempStore.CreateAsync();
        var cleaned = Papers.Arxiv("2401.00001", "Cleaned from its source") with
        {
            AbstractRaw = "  We study   axolotls.\nTheir limbs\tregrow. ",
            Abstract = "We study axolotls. Their limbs regrow.",
        };
        var edited = Papers.Arxiv("2401.00002", "Edited by hand") with { AbstractRaw = "The source's text.", Abstract = "Another text." };
        var emptied = Papers.Arxiv("2401.00003", "Abstract left empty") with { AbstractRaw = "  Some source text. ", Abstract = "" };

        await temp.Store.UpsertAsync([cleaned, edited, emptied], None);

        Assert.Equal(
            [("2401.00001", "", 1L), ("2401.00002", "Another text.", 0L), ("2401.00003", "", 0L)],
            await StoredAbstractsAsync(temp.Store.DatabasePath));
        var read = await temp.Store.GetManyAsync(["2401.00001", "2401.00002", "2401.00003"], None);
        Assert.Equal(["We study axolotls. Their limbs regrow.", "Another text.", ""], read.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Abstract));
        Assert.Equal(cleaned.AbstractRaw, read.Single(p => p.Id == "2401.00001").AbstractRaw);
        Assert.Equal(new Core.Storage.UpsertSummary(0, 0, 3), await temp.Store.UpsertAsync([cleaned, edited, emptied], None));
    }

    private static async Task<List<(string Id, string Abstract, long FromRaw)>> StoredAbstractsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, abstract, abstract_from_raw FROM papers ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return rows;
    }

    private static async Task<long> PageSizeAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

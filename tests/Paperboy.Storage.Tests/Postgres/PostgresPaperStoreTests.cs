using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Storage.Postgres;

namespace Paperboy.Storage.Tests.Postgres;

/// <summary>What only the PostgreSQL store has: its migrations, its index use, its connection forms, its concurrency.</summary>
public sealed class PostgresPaperStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Migrations_are_applied_once_in_order_and_recorded()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var first = new PostgresPaperStore(database.ConnectionString);
        await using var second = new PostgresPaperStore(database.ConnectionString);

        var applied = await first.MigrateAsync(None);
        var again = await second.MigrateAsync(None);

        Assert.Equal(PostgresMigrator.All.Select(m => m.Name), applied.Select(m => m.Name));
        Assert.Equal(["0001_papers", "0002_sync", "0003_accounts", "0004_outbox", "0005_subscriptions"], applied.Select(m => m.Name));
        Assert.Empty(again);
        Assert.Equal(
            PostgresMigrator.All.Select(m => $"{m.Version} {m.Name}"),
            await database.QueryAsync("SELECT version || ' ' || name FROM schema_migrations ORDER BY version;"));
    }

    [Fact]
    public async Task Processes_starting_at_once_take_turns_and_apply_each_migration_once()
    {
        await using var database = await TempDatabase.CreateAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresPaperStore(database.ConnectionString)).ToList();

        var applied = await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync(None))));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal(PostgresMigrator.All.Select(m => m.Version), applied.SelectMany(a => a).Select(m => m.Version).Order());
        Assert.Equal([PostgresMigrator.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)], await database.QueryAsync("SELECT COUNT(*) FROM schema_migrations;"));
    }

    [Fact]
    public async Task A_database_migrated_to_an_older_version_gains_the_newer_migrations_on_first_use()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(database.ConnectionString))
        {
            Assert.Equal([1], (await PostgresMigrator.MigrateAsync(dataSource, 1, None)).Select(m => m.Version));
            Assert.Equal(1, await PostgresMigrator.CurrentVersionAsync(dataSource, None));
        }
        await using var store = new PostgresPaperStore(database.ConnectionString);

        await store.SetCheckpointAsync("oai-pmh:cs", "{}", None);

        Assert.Equal([PostgresMigrator.All[^1].Version.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            await database.QueryAsync("SELECT MAX(version) FROM schema_migrations;"));
    }

    [Fact]
    public async Task A_migration_numbered_below_the_newest_applied_one_is_still_applied()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using (var migrated = new PostgresPaperStore(database.ConnectionString))
        {
            await migrated.InitializeAsync(None);
        }
        // As a database left by a release that had 0005 but not yet 0003 would be.
        await database.QueryAsync(
            "DROP TABLE server_secrets, accounts, sign_in_tokens, sessions, access_tokens, upvotes, library_items, library_tags, follows CASCADE; " +
            "DELETE FROM schema_migrations WHERE version = 3; SELECT 1;");
        await using var store = new PostgresPaperStore(database.ConnectionString);

        var applied = await store.MigrateAsync(None);
        var account = await store.SignInAccountAsync("ada@example.org", DateTimeOffset.UnixEpoch, None);

        Assert.Equal([3], applied.Select(m => m.Version));
        Assert.Equal("ada@example.org", account.Email);
    }

    [Fact]
    public async Task The_list_day_queries_use_the_list_day_index()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var store = new PostgresPaperStore(database.ConnectionString);
        await store.InitializeAsync(None);

        // An empty table is cheapest to scan; without scans on offer the plan shows whether the index serves.
        var plan = await database.QueryAsync(
            "SET enable_seqscan = off; EXPLAIN SELECT MAX(list_day) FROM papers WHERE list_day < '2024-03-05';");

        Assert.Contains(plan, line => line.Contains("papers_by_list_day", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_url_naming_the_socket_directory_as_host_reaches_the_store()
    {
        await using var database = await TempDatabase.CreateAsync();
        string url = $"postgres://postgres@{Uri.EscapeDataString(database.Server.SocketDirectory)}:{database.Server.Port}/{database.Name}";
        await using var store = new PostgresPaperStore(url);

        await store.UpsertAsync([Papers.Arxiv("2401.00001", "Over the socket")], None);

        Assert.Equal("Over the socket", (await store.GetAsync("2401.00001", None))?.Title);
        Assert.Equal(["1"], await database.QueryAsync("SELECT COUNT(*) FROM papers;"));
        Assert.DoesNotContain("Password", store.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Times_finer_than_a_microsecond_and_nul_characters_are_stored_and_a_repeat_import_changes_nothing()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var store = new PostgresPaperStore(database.ConnectionString);
        var paper = Papers.Arxiv("2401.00002", "Fine\0 grained") with
        {
            Published = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567),
            Abstract = "Text with a \0 in it.",
        };

        var first = await store.UpsertAsync([paper], None);
        var second = await store.UpsertAsync([paper], None);
        var stored = await store.GetAsync("2401.00002", None);

        Assert.Equal(new UpsertSummary(1, 0, 0), first);
        Assert.Equal(new UpsertSummary(0, 0, 1), second);
        Assert.Equal("Fine grained", stored!.Title);
        Assert.Equal("Text with a  in it.", stored.Abstract);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234560), stored.Published);
    }

    [Fact]
    public async Task Batches_from_two_processes_at_once_take_turns_and_each_gets_its_own_generation()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var left = new PostgresPaperStore(database.ConnectionString);
        await using var right = new PostgresPaperStore(database.ConnectionString);
        await left.InitializeAsync(None);

        async Task<List<UpsertSummary>> ImportAsync(PostgresPaperStore store, int first)
        {
            var summaries = new List<UpsertSummary>();
            for (var batch = 0; batch < 10; batch++)
            {
                var papers = Enumerable.Range(0, 20).Select(i => Papers.Arxiv($"2401.{first + batch * 20 + i:D5}", $"Paper {first + batch * 20 + i}")).ToList();
                // Every batch also revises one paper both sides write, so the two contend for the same row.
                papers.Add(Papers.Arxiv("2402.00001", "Shared", version: batch + 1));
                summaries.Add(await store.UpsertAsync(papers, None));
            }
            return summaries;
        }

        var results = await Task.WhenAll(Task.Run(() => ImportAsync(left, 0)), Task.Run(() => ImportAsync(right, 1000)));
        var changed = new List<string>();
        await foreach (var paper in left.ScanChangedSinceAsync(0, None))
        {
            changed.Add(paper.Id);
        }

        Assert.Equal(400, results.SelectMany(r => r).Sum(s => s.Added) - 1);
        Assert.Equal(20, await left.GetGenerationAsync(None));
        Assert.Equal(401, await left.CountAsync(None));
        Assert.Equal(changed.Count, changed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(401, changed.Count);
        Assert.Equal(10, (await left.GetAsync("2402.00001", None))!.LatestVersion);
    }
}

/// <summary>LISTEN/NOTIFY: a write through one node wakes another node's wait at once; without a write the wait times out.</summary>
public sealed class PostgresChangeAnnouncementTests
{
    [Fact]
    public async Task A_write_through_one_store_wakes_a_wait_on_another_and_silence_times_out()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var listener = new PostgresPaperStore(database.ConnectionString);
        await using var writer = new PostgresPaperStore(database.ConnectionString);
        await writer.InitializeAsync(CancellationToken.None);

        // The first wait opens the listening connection; nothing has been written since, so it times out.
        bool quiet = await listener.WaitForChangeAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        var waiting = listener.WaitForChangeAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
        await writer.UpsertAsync([Papers.Arxiv("2401.00001", "Axolotl regeneration")], CancellationToken.None);
        bool woken = await waiting;
        // An upsert that changes nothing announces nothing.
        await writer.UpsertAsync([Papers.Arxiv("2401.00001", "Axolotl regeneration")], CancellationToken.None);
        bool unchanged = await listener.WaitForChangeAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.False(quiet);
        Assert.True(woken);
        Assert.False(unchanged);
    }
}

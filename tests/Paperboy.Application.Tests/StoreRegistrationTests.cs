using Paperboy.Application.Lists;
using Paperboy.Core.Storage;
using Paperboy.Storage.Postgres;
using Paperboy.Storage.Sqlite;
using Paperboy.Testing;

namespace Paperboy.Application.Tests;

/// <summary>Which store serves which contract: SQLite for everything, or PostgreSQL for every one.</summary>
public sealed class StoreRegistrationTests
{
    [Fact]
    public async Task Without_a_store_setting_one_sqlite_store_serves_every_contract()
    {
        await using var app = new AppServices(loadDemoCorpus: false);

        var sqlite = app.Get<SqlitePaperStore>();

        Assert.Same(sqlite, app.Get<IPaperStore>());
        Assert.Same(sqlite, app.Get<ISyncStateStore>());
        Assert.Same(sqlite, app.Get<IAccountStore>());
        Assert.Same(sqlite, app.Get<IUpvoteStore>());
        Assert.Same(sqlite, app.Get<ILibraryStore>());
        Assert.Same(sqlite, app.Get<IFollowStore>());
        Assert.Same(sqlite, app.Get<ISubscriptionStore>());
        Assert.Same(sqlite, app.Get<IOutboxStore>());
        Assert.Same(sqlite, app.Get<IJobLocks>());
        Assert.Equal(Path.Combine(app.DataDirectory, SqlitePaperStore.FileName), sqlite.DatabasePath);
    }

    [Fact]
    public async Task With_a_postgres_store_every_contract_goes_there()
    {
        await using var app = new AppServices(loadDemoCorpus: false, configure: o => o.Store = "postgres://paperboy:hunter2@%2Frun%2Fpostgresql/paperboy");

        var postgres = Assert.IsType<PostgresPaperStore>(app.Get<IPaperStore>());
        var sqlite = app.Get<SqlitePaperStore>();

        Assert.Same(postgres, app.Get<ISyncStateStore>());
        Assert.Same(postgres, app.Get<IOutboxStore>());
        Assert.Same(postgres, app.Get<IJobLocks>());
        Assert.Same(postgres, app.Get<IAccountStore>());
        Assert.Same(postgres, app.Get<IUpvoteStore>());
        Assert.Same(postgres, app.Get<ILibraryStore>());
        Assert.Same(postgres, app.Get<IFollowStore>());
        Assert.Same(postgres, app.Get<ISubscriptionStore>());
        Assert.Contains("Host=/run/postgresql", postgres.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", postgres.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_postgres_store_an_upvote_reaches_the_lists_local_counts_from_postgres()
    {
        var server = await PostgresServer.SharedAsync();
        string database = await server.CreateDatabaseAsync();
        try
        {
            await using var app = new AppServices(loadDemoCorpus: false, configure: o => o.Store = server.ConnectionString(database));
            var ada = await app.Get<IAccountStore>().SignInAccountAsync("ada@example.org", DateTimeOffset.UtcNow, CancellationToken.None);

            await app.Get<IUpvoteStore>().SetUpvoteAsync(ada.Id, "2401.00001", true, DateTimeOffset.UtcNow, CancellationToken.None);

            var counts = await app.Get<ILocalUpvoteCounts>().CountAsync(["2401.00001", "2401.00002"], CancellationToken.None);
            var inSqlite = await app.Get<SqlitePaperStore>().CountLocalUpvotesAsync(["2401.00001"], CancellationToken.None);
            Assert.Equal(new Dictionary<string, int> { ["2401.00001"] = 1, ["2401.00002"] = 0 }, counts);
            Assert.Equal(0, inSqlite["2401.00001"]);
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public void A_store_setting_that_is_no_connection_string_fails_validation_without_its_password()
    {
        var options = new PaperboyOptions { Store = "postgres://u:hunter2@host/db?colour=blue" };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("Paperboy:Store", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown parameter \"colour\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paperboy.Application.Digests;
using Paperboy.Application.Syncing;
using Paperboy.Core.Storage;
using Paperboy.Testing;

namespace Paperboy.Application.Tests;

/// <summary>
/// Two `serve` nodes on one PostgreSQL store: while one holds a scheduled job's lock, the other's
/// scheduler skips that job and says so.
/// </summary>
public sealed class JobLockSchedulingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_scheduled_sync_of_a_source_another_node_is_syncing_is_skipped_with_a_log_line()
    {
        var server = await PostgresServer.SharedAsync();
        string database = await server.CreateDatabaseAsync();
        try
        {
            await using var busy = Node(server.ConnectionString(database), out _);
            await using var idle = Node(server.ConnectionString(database), out var log);

            await using (await busy.Get<IJobLocks>().TryAcquireJobLockAsync("sync:arxiv-rss", None))
            {
                await idle.Get<SyncScheduler>().RunOnceAsync(None);
            }

            Assert.Contains(log.Entries, e => e.Message == "sync: arxiv-rss: skipped, another node is syncing it");
            Assert.Empty(await idle.Get<ISyncStateStore>().ListRunsAsync(10, None));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_digest_run_waits_for_the_next_poll_while_another_node_composes_and_runs_once_it_is_done()
    {
        var server = await PostgresServer.SharedAsync();
        string database = await server.CreateDatabaseAsync();
        try
        {
            await using var busy = Node(server.ConnectionString(database), out _);
            await using var idle = Node(server.ConnectionString(database), out var log);

            bool whileHeld;
            await using (await busy.Get<IJobLocks>().TryAcquireJobLockAsync("digests", None))
            {
                whileHeld = await idle.Get<DigestScheduler>().RunOnceAsync(None);
            }
            bool afterwards = await idle.Get<DigestScheduler>().RunOnceAsync(None);

            Assert.False(whileHeld);
            Assert.True(afterwards);
            Assert.Single(log.Entries, e => e.Message == "digests: run skipped, another node is composing digests");
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    private static AppServices Node(string store, out LogCapture log)
    {
        var capture = new LogCapture();
        log = capture;
        return new AppServices(loadDemoCorpus: false, configure: o =>
        {
            o.Store = store;
            o.Sync.Sources = ["arxiv-rss"];
        }, services: s => s.AddSingleton<ILoggerProvider>(capture));
    }
}

using Paperboy.Storage.Postgres;

namespace Paperboy.Storage.Tests.Postgres;

/// <summary>Job locks between nodes: two stores on one database, each with its own connections.</summary>
public sealed class PostgresJobLockTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_job_lock_held_by_one_node_is_refused_to_another_until_it_is_released()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var first = new PostgresPaperStore(database.ConnectionString);
        await using var second = new PostgresPaperStore(database.ConnectionString);

        var held = await first.TryAcquireJobLockAsync("sync:arxiv", None);
        var refused = await second.TryAcquireJobLockAsync("sync:arxiv", None);
        await using var otherJob = await second.TryAcquireJobLockAsync("sync:openalex", None);
        await held!.DisposeAsync();
        await using var granted = await second.TryAcquireJobLockAsync("sync:arxiv", None);

        Assert.NotNull(held);
        Assert.Null(refused);
        Assert.NotNull(otherJob);
        Assert.NotNull(granted);
        Assert.Null(await first.TryAcquireJobLockAsync("sync:arxiv", None));
    }

    [Fact]
    public async Task A_job_lock_is_refused_within_one_node_too_while_it_is_held()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var store = new PostgresPaperStore(database.ConnectionString);

        await using (var held = await store.TryAcquireJobLockAsync("digests", None))
        {
            Assert.NotNull(held);
            Assert.Null(await store.TryAcquireJobLockAsync("digests", None));
        }

        await using var again = await store.TryAcquireJobLockAsync("digests", None);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task A_job_lock_of_a_node_whose_session_dies_is_granted_to_another_and_its_release_is_then_a_no_op()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var second = new PostgresPaperStore(database.ConnectionString);
        var dead = new PostgresPaperStore(database.ConnectionString);
        var held = await dead.TryAcquireJobLockAsync("sync:arxiv", None);
        Assert.NotNull(held);

        // The node dies: the server ends its sessions, as it does when their client is gone.
        await database.QueryAsync(
            "SELECT pg_terminate_backend(pid)::text FROM pg_locks WHERE locktype = 'advisory' AND granted " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database());");

        await using var granted = await second.TryAcquireJobLockAsync("sync:arxiv", None);
        await held.DisposeAsync();

        Assert.NotNull(granted);
        Assert.Null(await dead.TryAcquireJobLockAsync("sync:arxiv", None));
        await dead.DisposeAsync();
    }
}

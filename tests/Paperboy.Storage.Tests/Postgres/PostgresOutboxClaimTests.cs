using System.Collections.Concurrent;
using Paperboy.Core.Mail;
using Paperboy.Storage.Postgres;

namespace Paperboy.Storage.Tests.Postgres;

/// <summary>
/// Several nodes working one outbox: each node is its own <see cref="PostgresPaperStore"/> on the same
/// database, so its own connection pool and claim owner, as two `paperboy serve` processes would be.
/// </summary>
public sealed class PostgresOutboxClaimTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    private static NewOutboxMessage Message(string key) => new(
        key, "reader@example.org", $"Digest {key}", "Papers", null, new Dictionary<string, string>(), $"<{key}@paperboy.example.org>");

    [Fact]
    public async Task Many_claims_in_parallel_from_two_nodes_take_every_message_exactly_once()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var first = new PostgresPaperStore(database.ConnectionString);
        await using var second = new PostgresPaperStore(database.ConnectionString);
        const int Messages = 300;
        for (var i = 0; i < Messages; i++)
        {
            await first.EnqueueAsync(Message($"digest-{i}"), T0, None);
        }
        var claims = new ConcurrentBag<(string Owner, OutboxMessage Message)>();
        // One claim each first: on two cores the scheduler can let one node's workers take every
        // message of the race below (seen once in a clean clone), and both must be shown to claim.
        foreach (var node in new[] { first, second })
        {
            claims.Add((node.ClaimOwner, (await node.ClaimNextAsync(T0.AddSeconds(1), TimeSpan.FromMinutes(10), None))!));
        }

        // Then eight claimers per node, released together, each claiming until nothing is left.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var node = worker % 2 == 0 ? first : second;
            await start.Task;
            while (await node.ClaimNextAsync(T0.AddSeconds(1), TimeSpan.FromMinutes(10), None) is { } message)
            {
                claims.Add((node.ClaimOwner, message));
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(workers);

        Assert.Equal(Messages, claims.Count);
        Assert.Equal(Messages, claims.Select(c => c.Message.Id).Distinct().Count());
        Assert.All(claims, c => Assert.Equal(1, c.Message.Attempts));
        Assert.Contains(claims, c => c.Owner == first.ClaimOwner);
        Assert.Contains(claims, c => c.Owner == second.ClaimOwner);
        Assert.Equal(new OutboxCounts(0, Messages, 0, 0), await second.CountOutboxAsync(None));
    }

    [Fact]
    public async Task A_live_nodes_claim_is_skipped_and_a_dead_nodes_claim_is_taken_over_when_its_lease_runs_out_and_not_before()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var dead = new PostgresPaperStore(database.ConnectionString);
        await using var live = new PostgresPaperStore(database.ConnectionString);
        var lease = TimeSpan.FromSeconds(30);
        await dead.EnqueueAsync(Message("claimed-by-the-dead-node"), T0, None);
        await dead.EnqueueAsync(Message("queued-later"), T0.AddSeconds(1), None);
        var claimed = await dead.ClaimNextAsync(T0, lease, None);

        var whileLeased = await live.ClaimNextAsync(T0.AddSeconds(29), lease, None);
        var justBefore = await live.ClaimNextAsync(T0.AddSeconds(29.999), lease, None);
        var atExpiry = await live.ClaimNextAsync(T0.AddSeconds(30), lease, None);

        Assert.Equal("claimed-by-the-dead-node", claimed!.DedupeKey);
        Assert.Equal("queued-later", whileLeased!.DedupeKey);
        Assert.Null(justBefore);
        Assert.Equal((claimed.Id, 2), (atExpiry!.Id, atExpiry.Attempts));
        Assert.Equal([live.ClaimOwner, live.ClaimOwner], await database.QueryAsync("SELECT claimed_by FROM outbox ORDER BY id;"));
    }

    [Fact]
    public async Task A_node_whose_claim_was_taken_over_can_neither_mark_it_sent_nor_reschedule_or_fail_it()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var slow = new PostgresPaperStore(database.ConnectionString);
        await using var other = new PostgresPaperStore(database.ConnectionString);
        var lease = TimeSpan.FromMinutes(1);
        await slow.EnqueueAsync(Message("digest"), T0, None);
        var first = await slow.ClaimNextAsync(T0, lease, None);
        var second = await other.ClaimNextAsync(T0.AddMinutes(2), lease, None);

        var lostSent = await slow.PrepareSentAsync(first!.Id, T0.AddMinutes(2), None);
        await slow.RescheduleAsync(first.Id, T0.AddHours(1), "451 late", None);
        await slow.FailAsync(first.Id, "550 late", T0.AddMinutes(2), None);
        var row = await other.GetOutboxMessageAsync("digest", None);

        Assert.Null(lostSent);
        Assert.Equal((OutboxState.Sending, 2, null), (row!.State, row.Attempts, row.LastError));
        await using (var sent = await other.PrepareSentAsync(second!.Id, T0.AddMinutes(3), None))
        {
            await sent!.CommitAsync(None);
        }
        Assert.Equal(OutboxState.Sent, (await slow.GetOutboxMessageAsync("digest", None))!.State);
    }

    [Fact]
    public async Task A_message_being_marked_sent_is_skipped_by_other_nodes_even_after_its_lease_ran_out()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var sender = new PostgresPaperStore(database.ConnectionString);
        await using var other = new PostgresPaperStore(database.ConnectionString);
        var lease = TimeSpan.FromMinutes(1);
        await sender.EnqueueAsync(Message("digest"), T0, None);
        var claimed = await sender.ClaimNextAsync(T0, lease, None);

        await using (var sent = await sender.PrepareSentAsync(claimed!.Id, T0.AddMinutes(5), None))
        {
            // The end of DATA is on the wire: the row is locked by the open transaction until the commit.
            Assert.Null(await other.ClaimNextAsync(T0.AddMinutes(5), lease, None));
            await sent!.CommitAsync(None);
        }

        Assert.Null(await other.ClaimNextAsync(T0.AddMinutes(5), lease, None));
        Assert.Equal(new OutboxCounts(0, 0, 1, 0), await other.CountOutboxAsync(None));
        Assert.True(other.AllowsConcurrentSenders);
    }
}

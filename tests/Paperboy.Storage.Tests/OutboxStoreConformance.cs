using Paperboy.Core.Mail;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Tests;

/// <summary>
/// The outbox contract (IOutboxStore, docs/EMAIL.md) that every store must pass: each concrete subclass
/// runs all of them against its own store, made fresh for every test. How a claim left by a dead sender
/// is taken over differs (SQLite at once, PostgreSQL after its lease) and is tested beside each store.
/// </summary>
public abstract class OutboxStoreConformance
{
    private protected static readonly CancellationToken None = CancellationToken.None;
    private protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>A fresh, empty, initialized store that the test disposes.</summary>
    private protected abstract Task<StoreUnderTest> CreateStoreAsync();

    private protected static NewOutboxMessage Message(string key, string to = "reader@example.org") => new(
        key, to, $"Digest {key}", $"Papers for {to}", $"<p>Papers for {to}</p>",
        new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://paperboy.example.org/u/1>", ["List-Id"] = "digests" },
        $"<{key}@paperboy.example.org>");

    [Fact]
    public async Task A_queued_message_round_trips_every_field_and_a_second_enqueue_of_its_key_changes_nothing()
    {
        await using var temp = await CreateStoreAsync();
        var outbox = temp.Outbox;

        Assert.True(await outbox.EnqueueAsync(Message("digest-1"), T0, None));
        Assert.False(await outbox.EnqueueAsync(Message("digest-1") with { Subject = "Changed" }, T0.AddMinutes(1), None));
        var row = await outbox.GetOutboxMessageAsync("digest-1", None);

        Assert.NotNull(row);
        Assert.Equal("digest-1", row.DedupeKey);
        Assert.Equal("reader@example.org", row.Recipient);
        Assert.Equal("Digest digest-1", row.Subject);
        Assert.Equal("Papers for reader@example.org", row.TextBody);
        Assert.Equal("<p>Papers for reader@example.org</p>", row.HtmlBody);
        Assert.Equal(["List-Unsubscribe", "List-Id"], row.Headers.Keys);
        Assert.Equal("<https://paperboy.example.org/u/1>", row.Headers["List-Unsubscribe"]);
        Assert.Equal("<digest-1@paperboy.example.org>", row.MessageId);
        Assert.Equal(T0, row.QueuedAt);
        Assert.Equal(OutboxState.Queued, row.State);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(T0, row.NextAttemptAt);
        Assert.Null(row.SentAt);
        Assert.Null(row.LastError);
        Assert.Equal(new OutboxCounts(1, 0, 0, 0), await outbox.CountOutboxAsync(None));
    }

    [Fact]
    public async Task A_message_without_html_keeps_it_null()
    {
        await using var temp = await CreateStoreAsync();

        await temp.Outbox.EnqueueAsync(Message("plain") with { HtmlBody = null, Headers = new Dictionary<string, string>() }, T0, None);
        var row = await temp.Outbox.GetOutboxMessageAsync("plain", None);

        Assert.NotNull(row);
        Assert.Null(row.HtmlBody);
        Assert.Empty(row.Headers);
    }

    [Fact]
    public async Task Claims_take_due_messages_oldest_first_count_the_attempt_and_leave_later_ones()
    {
        await using var temp = await CreateStoreAsync();
        var outbox = temp.Outbox;
        await outbox.EnqueueAsync(Message("second"), T0.AddSeconds(1), None);
        await outbox.EnqueueAsync(Message("first"), T0, None);
        await outbox.EnqueueAsync(Message("later"), T0.AddHours(1), None);

        // Each claim is settled before the next: on SQLite a message left sending is the next one claimed.
        var first = await outbox.ClaimNextAsync(T0.AddSeconds(5), Lease, None);
        var firstRow = await outbox.GetOutboxMessageAsync("first", None);
        await outbox.FailAsync(first!.Id, "550 no such user", T0.AddSeconds(5), None);
        var second = await outbox.ClaimNextAsync(T0.AddSeconds(5), Lease, None);
        await outbox.RescheduleAsync(second!.Id, T0.AddHours(2), "451 try later", None);
        var none = await outbox.ClaimNextAsync(T0.AddSeconds(5), Lease, None);

        Assert.Equal(("first", OutboxState.Sending, 1), (first.DedupeKey, first.State, first.Attempts));
        Assert.Equal((OutboxState.Sending, 1), (firstRow!.State, firstRow.Attempts));
        Assert.Equal(("second", OutboxState.Sending, 1), (second.DedupeKey, second.State, second.Attempts));
        Assert.Null(none);
        Assert.Equal(new OutboxCounts(2, 0, 0, 1), await outbox.CountOutboxAsync(None));
    }

    [Fact]
    public async Task A_committed_sent_mark_makes_the_message_sent_at_that_time()
    {
        await using var temp = await CreateStoreAsync();
        var outbox = temp.Outbox;
        await outbox.EnqueueAsync(Message("digest"), T0, None);
        var claimed = await outbox.ClaimNextAsync(T0, Lease, None);

        await using (var sent = await outbox.PrepareSentAsync(claimed!.Id, T0.AddSeconds(2), None))
        {
            Assert.NotNull(sent);
            await sent.CommitAsync(None);
        }
        var row = await outbox.GetOutboxMessageAsync("digest", None);

        Assert.Equal(OutboxState.Sent, row!.State);
        Assert.Equal(T0.AddSeconds(2), row.SentAt);
        Assert.Null(await outbox.ClaimNextAsync(T0.AddDays(1), Lease, None));
        Assert.Equal(new OutboxCounts(0, 0, 1, 0), await outbox.CountOutboxAsync(None));
    }

    [Fact]
    public async Task A_sent_mark_disposed_without_its_commit_leaves_the_message_sending()
    {
        await using var temp = await CreateStoreAsync();
        var outbox = temp.Outbox;
        await outbox.EnqueueAsync(Message("digest"), T0, None);
        var claimed = await outbox.ClaimNextAsync(T0, Lease, None);

        await using (var sent = await outbox.PrepareSentAsync(claimed!.Id, T0, None))
        {
            Assert.NotNull(sent);
        }

        var row = await outbox.GetOutboxMessageAsync("digest", None);
        Assert.Equal(OutboxState.Sending, row!.State);
        Assert.Null(row.SentAt);
    }

    [Fact]
    public async Task A_message_not_claimed_cannot_be_marked_sent()
    {
        await using var temp = await CreateStoreAsync();
        await temp.Outbox.EnqueueAsync(Message("digest"), T0, None);
        var row = await temp.Outbox.GetOutboxMessageAsync("digest", None);

        var sent = await temp.Outbox.PrepareSentAsync(row!.Id, T0, None);

        Assert.Null(sent);
        Assert.Equal(OutboxState.Queued, (await temp.Outbox.GetOutboxMessageAsync("digest", None))!.State);
    }

    [Fact]
    public async Task A_rescheduled_message_waits_until_its_next_attempt_and_keeps_its_error_and_attempts()
    {
        await using var temp = await CreateStoreAsync();
        var outbox = temp.Outbox;
        await outbox.EnqueueAsync(Message("digest"), T0, None);
        var claimed = await outbox.ClaimNextAsync(T0, Lease, None);

        await outbox.RescheduleAsync(claimed!.Id, T0.AddMinutes(5), "451 try later", None);
        var early = await outbox.ClaimNextAsync(T0.AddMinutes(4), Lease, None);
        var row = await outbox.GetOutboxMessageAsync("digest", None);
        var due = await outbox.ClaimNextAsync(T0.AddMinutes(5), Lease, None);

        Assert.Null(early);
        Assert.Equal((OutboxState.Queued, T0.AddMinutes(5), "451 try later", 1), (row!.State, row.NextAttemptAt, row.LastError, row.Attempts));
        Assert.Equal(("digest", 2), (due?.DedupeKey, due?.Attempts));
    }

    [Fact]
    public async Task A_failed_message_is_never_claimed_again_and_keeps_its_reason()
    {
        await using var temp = await CreateStoreAsync();
        var outbox = temp.Outbox;
        await outbox.EnqueueAsync(Message("digest"), T0, None);
        var claimed = await outbox.ClaimNextAsync(T0, Lease, None);

        await outbox.FailAsync(claimed!.Id, "550 no such user", T0, None);

        var row = await outbox.GetOutboxMessageAsync("digest", None);
        Assert.Equal((OutboxState.Failed, "550 no such user"), (row!.State, row.LastError));
        Assert.Null(await outbox.ClaimNextAsync(T0.AddDays(30), Lease, None));
        Assert.Equal(new OutboxCounts(0, 0, 0, 1), await outbox.CountOutboxAsync(None));
    }

    [Fact]
    public async Task A_suppressed_address_stays_suppressed_and_others_are_not()
    {
        await using var temp = await CreateStoreAsync();
        var outbox = temp.Outbox;

        await outbox.SuppressAsync("gone@example.org", "550 no such user", T0, None);
        await outbox.SuppressAsync("gone@example.org", "550 again", T0.AddDays(1), None);

        Assert.True(await outbox.IsSuppressedAsync("gone@example.org", None));
        Assert.False(await outbox.IsSuppressedAsync("here@example.org", None));
    }

    [Fact]
    public async Task An_unknown_dedupe_key_has_no_message()
    {
        await using var temp = await CreateStoreAsync();

        Assert.Null(await temp.Outbox.GetOutboxMessageAsync("never-queued", None));
        Assert.Equal(new OutboxCounts(0, 0, 0, 0), await temp.Outbox.CountOutboxAsync(None));
    }
}

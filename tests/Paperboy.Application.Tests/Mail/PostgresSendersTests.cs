using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Mail;
using Paperboy.Application.Tests.Accounts;
using Paperboy.Core.Mail;
using Paperboy.Core.Storage;
using Paperboy.Testing;

namespace Paperboy.Application.Tests.Mail;

/// <summary>
/// Senders of two `serve` nodes (each with its own data directory) on one PostgreSQL outbox and one
/// real SMTP server: docs/EMAIL.md, "Several nodes on PostgreSQL".
/// </summary>
public sealed class PostgresSendersTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Two_nodes_sending_at_once_deliver_every_message_exactly_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var postgres = await PostgresServer.SharedAsync();
        string database = await postgres.CreateDatabaseAsync();
        try
        {
            var time = new ManualTime(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
            await using var first = Node(postgres.ConnectionString(database), smtp, time, TimeSpan.FromMinutes(10));
            await using var second = Node(postgres.ConnectionString(database), smtp, time, TimeSpan.FromMinutes(10));
            for (var i = 0; i < 30; i++)
            {
                await first.Get<IEmailOutbox>().EnqueueAsync(
                    new OutgoingEmail($"reader{i}@example.org", "Your Paperboy digest", "Papers", null, new Dictionary<string, string>()), $"digest:{i}", None);
            }

            var reports = await Task.WhenAll(first.Get<OutboxSender>().SendDueAsync(None), second.Get<OutboxSender>().SendDueAsync(None));

            Assert.Equal(30, reports.Sum(r => r.Sent));
            Assert.All(reports, r => Assert.Null(r.Error));
            var received = smtp.Messages().Select(m => m.MessageId).ToList();
            Assert.Equal(30, received.Count);
            Assert.Equal(30, received.Distinct().Count());
            Assert.Equal(new OutboxCounts(0, 0, 30, 0), await second.Get<IOutboxStore>().CountOutboxAsync(None));
        }
        finally
        {
            await postgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_message_claimed_by_a_node_that_died_is_sent_by_another_once_the_short_lease_runs_out()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var postgres = await PostgresServer.SharedAsync();
        string database = await postgres.CreateDatabaseAsync();
        try
        {
            var time = new ManualTime(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
            var lease = TimeSpan.FromSeconds(20);
            await using var dead = Node(postgres.ConnectionString(database), smtp, time, lease);
            await using var live = Node(postgres.ConnectionString(database), smtp, time, lease);
            await dead.Get<IEmailOutbox>().EnqueueAsync(
                new OutgoingEmail("reader@example.org", "Your Paperboy digest", "Papers", null, new Dictionary<string, string>()), "digest:1", None);
            // The dead node got as far as its claim, as a node killed before MAIL FROM does.
            await dead.Get<IOutboxStore>().ClaimNextAsync(time.GetUtcNow(), lease, None);

            time.Advance(TimeSpan.FromSeconds(19));
            var beforeExpiry = await live.Get<OutboxSender>().SendDueAsync(None);
            time.Advance(TimeSpan.FromSeconds(1));
            var atExpiry = await live.Get<OutboxSender>().SendDueAsync(None);

            Assert.Equal(0, beforeExpiry.Sent);
            Assert.Equal(1, atExpiry.Sent);
            Assert.Single(smtp.Messages());
            var row = await live.Get<IOutboxStore>().GetOutboxMessageAsync("digest:1", None);
            Assert.Equal((OutboxState.Sent, 2), (row!.State, row.Attempts));
        }
        finally
        {
            await postgres.DropDatabaseAsync(database);
        }
    }

    private static AppServices Node(string store, SmtpServer smtp, ManualTime time, TimeSpan lease) =>
        new(loadDemoCorpus: false, configure: options =>
        {
            options.Store = store;
            options.Smtp.Host = smtp.Host;
            options.Smtp.Port = smtp.Port;
            options.Smtp.From = "digests@paperboy.example.org";
            options.Smtp.StartTls = StartTlsMode.Never;
            options.Smtp.ClaimLease = lease;
        }, services: collection => collection.AddSingleton<TimeProvider>(time));
}

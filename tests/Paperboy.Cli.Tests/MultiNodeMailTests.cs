using Paperboy.Application;
using Paperboy.Application.Mail;
using Paperboy.Core.Mail;
using Paperboy.Storage.Postgres;
using Paperboy.Testing;

namespace Paperboy.Cli.Tests;

/// <summary>
/// Two `paperboy serve` nodes on one PostgreSQL database sending one outbox of digests to a real SMTP
/// server: each digest arrives once, also when a node is killed mid-batch with a message claimed.
/// </summary>
public sealed class MultiNodeMailTests : IAsyncLifetime
{
    private const int Batch = 40;
    private readonly PaperboyProcess _first = new();
    private readonly PaperboyProcess _second = new();
    private SmtpServer _smtp = null!;
    private string _store = "";

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        _store = server.ConnectionString(await server.CreateDatabaseAsync());
        _smtp = await SmtpServer.StartAsync();
        foreach (var paperboy in (PaperboyProcess[])[_first, _second])
        {
            paperboy.Environment["Paperboy__Store"] = _store;
            paperboy.Environment["Paperboy__LoadDemoCorpus"] = "false";
            paperboy.Environment["Paperboy__Sync__Enabled"] = "false";
            paperboy.Environment["Paperboy__Digests__Enabled"] = "false";
            paperboy.Environment["Paperboy__Smtp__Host"] = _smtp.Host;
            paperboy.Environment["Paperboy__Smtp__Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            paperboy.Environment["Paperboy__Smtp__StartTls"] = "Never";
            paperboy.Environment["Paperboy__Smtp__From"] = "digests@paperboy.example.org";
            paperboy.Environment["Paperboy__Smtp__PollInterval"] = "00:00:00.500";
            // A dead node's claim is taken over after this long.
            paperboy.Environment["Paperboy__Smtp__ClaimLease"] = "00:00:03";
        }
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task Both_nodes_send_and_one_killed_mid_batch_leaves_every_digest_delivered_exactly_once()
    {
        await using var store = new PostgresPaperStore(_store);
        var keys = await QueueAsync(store);
        // The server holds every session at DATA once five digests are in: both nodes are then mid-transaction.
        _smtp.StallAt("DATA", 5);
        await using var a = new ServeNode(_first);
        await using var b = new ServeNode(_second);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());

        string[]? held = await _smtp.WaitUntilStalledAsync(() => a.Process.HasExited || b.Process.HasExited, TimeSpan.FromMinutes(2));
        // A transaction was held at DATA, its recipient given: the batch was under way when node A died.
        Assert.Single(held!);
        a.Kill();
        _smtp.Release();
        // Bounded: the surviving node sends the rest, and the dead node's claim once its lease has run out.
        for (int attempt = 0; attempt < 1200 && (await store.CountOutboxAsync(CancellationToken.None)).Sent < Batch; attempt++)
        {
            await Task.Delay(100);
        }

        var counts = await store.CountOutboxAsync(CancellationToken.None);
        Assert.Equal(Batch, counts.Sent);
        var expected = new List<string>();
        foreach (var key in keys)
        {
            var row = await store.GetOutboxMessageAsync(key, CancellationToken.None);
            Assert.Equal(OutboxState.Sent, row!.State);
            expected.Add(row.MessageId);
        }
        var received = _smtp.Messages();
        Assert.Equal(expected.Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    private static async Task<List<string>> QueueAsync(PostgresPaperStore store)
    {
        var options = new PaperboyOptions();
        options.Smtp.From = "digests@paperboy.example.org";
        var outbox = new EmailOutbox(store, options, new OutboxSignal(), TimeProvider.System);
        var keys = new List<string>();
        for (int i = 0; i < Batch; i++)
        {
            string key = $"digest:{i:D2}:2026-03-02";
            Assert.True(await outbox.EnqueueAsync(
                new OutgoingEmail($"reader{i}@example.org", $"Digest {key}", $"Papers for reader {i}", $"<p>Papers for reader {i}</p>", new Dictionary<string, string>()),
                key, CancellationToken.None));
            keys.Add(key);
        }
        return keys;
    }
}

using System.Text.Json;
using Paperboy.Application;
using Paperboy.Application.Mail;
using Paperboy.Core.Mail;
using Paperboy.Storage.Sqlite;
using Paperboy.Testing;

namespace Paperboy.Cli.Tests;

/// <summary>`paperboy mail send` as a process against a real SMTP server, killed without warning mid-batch.</summary>
public sealed class MailCommandTests : IAsyncLifetime
{
    private const int Batch = 40;
    private readonly PaperboyProcess _paperboy = new();
    private SmtpServer _server = null!;

    public async Task InitializeAsync()
    {
        // Each RCPT takes 10 ms, as a real server's round trip might, so a batch lasts long enough to be killed mid-way.
        _server = await SmtpServer.StartAsync(rcptDelay: TimeSpan.FromMilliseconds(10));
        _paperboy.Environment["Paperboy__Smtp__Host"] = _server.Host;
        _paperboy.Environment["Paperboy__Smtp__Port"] = _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _paperboy.Environment["Paperboy__Smtp__StartTls"] = "Never";
        _paperboy.Environment["Paperboy__Smtp__From"] = "digests@paperboy.example.org";
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _paperboy.Dispose();
    }

    [Fact]
    public async Task A_sender_killed_at_random_points_mid_batch_delivers_every_message_exactly_once_after_restarts()
    {
        var keys = await QueueAsync(Batch);
        var random = new Random(20260302);
        int kills = 0;
        for (int round = 0; round < 6 && _server.MessageCount() < Batch; round++)
        {
            int before = _server.MessageCount();
            int killAfter = random.Next(1, 8);
            using var process = _paperboy.Start("mail", "send", "--json");
            // Bounded polling: wait for a few more messages to arrive, then kill at a random moment after.
            for (int i = 0; i < 3000 && _server.MessageCount() < before + killAfter && !process.HasExited; i++)
            {
                await Task.Delay(2);
            }
            // Anywhere in the next message's transaction: MAIL, the slow RCPT, DATA, the dot, the commit.
            await Task.Delay(random.Next(0, 16));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                kills++;
            }
            await process.WaitForExitAsync();
        }

        var final = await _paperboy.RunAsync("mail", "send", "--json");

        Assert.True(kills >= 3, $"only {kills} kills landed mid-batch");
        Assert.Equal(0, final.ExitCode);
        Assert.Equal(0, final.Json().GetProperty("queued").GetInt32());
        var received = _server.Messages();
        await using var store = SqlitePaperStore.InDataDirectory(_paperboy.DataDirectory);
        var expected = new List<string>();
        foreach (var key in keys)
        {
            var row = await store.GetOutboxMessageAsync(key, CancellationToken.None);
            Assert.Equal(OutboxState.Sent, row!.State);
            expected.Add(row.MessageId);
        }
        // Every digest exactly once: the Message-IDs the server holds are the batch's, none twice.
        Assert.Equal(expected.Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(keys.Select(k => $"Digest {k}").Order(StringComparer.Ordinal), received.Select(m => m.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Mail_send_reports_what_it_sent_as_json_and_fails_while_the_server_is_down()
    {
        await QueueAsync(3);
        await _server.StopAsync();

        var down = await _paperboy.RunAsync("mail", "send", "--json");
        await _server.StartAsync();

        Assert.Equal(3, down.ExitCode);
        var json = down.Json();
        Assert.Equal(0, json.GetProperty("sent").GetInt32());
        Assert.Equal(1, json.GetProperty("retried").GetInt32());
        Assert.Equal(3, json.GetProperty("queued").GetInt32());
        Assert.Contains($"unable to connect to 127.0.0.1:{_server.Port}", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(_server.Messages());
    }

    private async Task<List<string>> QueueAsync(int count)
    {
        var options = new PaperboyOptions { DataDirectory = _paperboy.DataDirectory };
        options.Smtp.From = "digests@paperboy.example.org";
        await using var store = SqlitePaperStore.InDataDirectory(_paperboy.DataDirectory);
        var outbox = new EmailOutbox(store, options, new OutboxSignal(), TimeProvider.System);
        var keys = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string key = $"digest:{i:D2}:2026-03-02";
            Assert.True(await outbox.EnqueueAsync(
                new OutgoingEmail($"reader{i}@example.org", $"Digest {key}", $"Papers for reader {i}\n.\n..", $"<p>Papers for reader {i}</p>", new Dictionary<string, string>()),
                key, CancellationToken.None));
            keys.Add(key);
        }
        return keys;
    }
}

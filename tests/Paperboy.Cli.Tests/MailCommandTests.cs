using System.Text.Json;
using Paperboy.Application;
using Paperboy.Application.Mail;
using Paperboy.Core.Mail;
using Paperboy.Storage.Sqlite;
using Paperboy.Testing;

namespace Paperboy.Cli.Tests;

/// <summary>`paperboy mail send` as a process against a real SMTP server, killed without warning at each step of a transaction mid-batch.</summary>
public sealed class MailCommandTests : IAsyncLifetime
{
    private const int Batch = 40;
    private readonly PaperboyProcess _paperboy = new();
    private SmtpServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SmtpServer.StartAsync();
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
    public async Task A_sender_killed_at_each_step_of_a_transaction_mid_batch_delivers_every_message_exactly_once_after_restarts()
    {
        var keys = await QueueAsync(Batch);
        var random = new Random(20260302);
        // The server holds the sender at each step of a transaction in turn (after a random number of
        // messages), so every kill lands exactly there however fast or loaded the machine is.
        string[] stages = ["MAIL", "RCPT", "DATA", "STORED", "DATA", "STORED"];
        await using var store = SqlitePaperStore.InDataDirectory(_paperboy.DataDirectory);
        foreach (string stage in stages)
        {
            _server.StallAt(stage, _server.MessageCount() + random.Next(1, 5));
            using var process = _paperboy.Start("mail", "send", "--json");
            string[]? held = await _server.WaitUntilStalledAsync(() => process.HasExited, TimeSpan.FromMinutes(2));
            Assert.True(held is not null, $"the sender never reached {stage}; it exited with {(process.HasExited ? process.ExitCode : "nothing")}");
            if (stage == "DATA")
            {
                // Before the dot the row is claimed but not sent: a restart must send it again.
                Assert.Equal(OutboxState.Sending, (await store.GetOutboxMessageAsync(keys[Recipient(held!)], CancellationToken.None))!.State);
            }
            if (stage == "STORED")
            {
                // The dot is written, and the sender commits "sent" right after it; kill once that commit landed.
                await WaitForStateAsync(store, keys[Recipient(held!)], OutboxState.Sent);
            }
            Assert.False(process.HasExited);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            _server.Release();
        }

        var final = await _paperboy.RunAsync("mail", "send", "--json");

        Assert.Equal(0, final.ExitCode);
        Assert.Equal(0, final.Json().GetProperty("queued").GetInt32());
        var received = _server.Messages();
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

    private static int Recipient(string[] held)
    {
        string address = Assert.Single(held);
        return int.Parse(address["reader".Length..address.IndexOf('@', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitForStateAsync(SqlitePaperStore store, string key, OutboxState state)
    {
        for (int i = 0; i < 2000; i++)
        {
            if ((await store.GetOutboxMessageAsync(key, CancellationToken.None))!.State == state)
            {
                return;
            }
            await Task.Delay(5);
        }
        Assert.Fail($"{key} never became {state}");
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

using Microsoft.Data.Sqlite;

namespace Paperboy.Cli.Tests;

public sealed class DigestCommandTests : IDisposable
{
    private readonly PaperboyProcess _paperboy = new();

    public DigestCommandTests() => _paperboy.Environment["Paperboy__PublicUrl"] = "https://papers.example.org/";

    // The confirmation link goes to the stand-in outbox, which keeps nothing: the test confirms in the store, as following the link would.
    private async Task ConfirmAllAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_paperboy.DataDirectory, "paperboy.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE subscribers SET confirmed_at = '2020-01-01T00:00:00.0000000Z', confirm_salt = NULL;";
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Subscribe_then_digest_send_now_queues_one_digest_and_preview_writes_a_mime_message()
    {
        Assert.Equal(0, (await _paperboy.RunAsync("import", PaperboyProcess.SeedDirectory)).ExitCode);

        var subscribed = await _paperboy.RunAsync("subscribe", "Ada@Example.org", "--trending", "--weekly", "--query", "program synthesis");
        var beforeConfirming = await _paperboy.RunAsync("digest", "send", "--now", "--json");
        await ConfirmAllAsync();
        var sent = await _paperboy.RunAsync("digest", "send", "--now", "--json");
        string file = Path.Combine(_paperboy.DataDirectory, "preview.eml");
        var preview = await _paperboy.RunAsync("digest", "preview", "ada@example.org", "--out", file);

        Assert.Equal(0, subscribed.ExitCode);
        Assert.Equal("A confirmation email is queued for ada@example.org; digests start once its link is followed.\n", subscribed.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(0, beforeConfirming.Json().GetProperty("subscribers").GetInt32());
        Assert.Equal(0, sent.ExitCode);
        Assert.Equal(1, sent.Json().GetProperty("subscribers").GetInt32());
        Assert.Equal(1, sent.Json().GetProperty("queued").GetInt32());
        Assert.Equal(403, sent.Json().GetProperty("candidates").GetInt32());
        Assert.Equal(0, preview.ExitCode);
        string message = await File.ReadAllTextAsync(file);
        Assert.StartsWith("To: ada@example.org\r\nSubject: =?utf-8?B?", message, StringComparison.Ordinal);
        Assert.Contains("\r\nList-Unsubscribe: <https://papers.example.org/subscriptions/unsubscribe?token=1.", message, StringComparison.Ordinal);
        Assert.Contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", message, StringComparison.Ordinal);
        Assert.Contains("Content-Type: multipart/alternative; boundary=", message, StringComparison.Ordinal);
        Assert.Contains("Trending this week\r\n==================\r\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_refuses_a_malformed_address_and_preview_an_unknown_one()
    {
        var bad = await _paperboy.RunAsync("subscribe", "not an address", "--trending");
        var unknown = await _paperboy.RunAsync("digest", "preview", "nobody@example.org");

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("paperboy: That is not an email address. Enter a bare address like name@example.org.", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("paperboy: no subscription for 'nobody@example.org'", unknown.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _paperboy.Dispose();
    }
}

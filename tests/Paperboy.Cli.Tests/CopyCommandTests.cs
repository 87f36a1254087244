using System.Security.Cryptography;
using Npgsql;
using Paperboy.Core.Accounts;
using Paperboy.Core.Mail;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;
using Paperboy.Storage.Postgres;
using Paperboy.Storage.Sqlite;
using Paperboy.Testing;

namespace Paperboy.Cli.Tests;

/// <summary>paperboy copy: the demo installation moved to a throwaway PostgreSQL database.</summary>
public sealed class CopyCommandTests : IAsyncLifetime, IDisposable
{
    // A few queries in the dev-eval styles (keywords, a question, a description); the full dev-eval set
    // lives outside the repository and is compared by hand (docs/STORE.md).
    private static readonly string[] Queries =
    [
        "bottom-up program synthesis",
        "link prediction in knowledge graphs",
        "detail image caption benchmark",
        "How can large language models be made to follow instructions better?",
        "diffusion models for video generation",
        "reinforcement learning from human feedback reward model",
        "graph neural networks oversmoothing",
        "retrieval augmented generation",
        "a method that compresses a neural network so it runs on a phone",
        "vision transformer self-supervised pretraining",
    ];

    private readonly PaperboyProcess _source = new();
    private readonly PaperboyProcess _target = new();
    private PostgresServer _server = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync();
        var import = await _source.RunAsync("import", PaperboyProcess.SeedDirectory);
        Assert.Equal(0, import.ExitCode);
    }

    [Fact]
    public async Task Copy_moves_the_demo_corpus_verifies_it_and_both_stores_rank_the_same_papers_in_the_same_order()
    {
        await using (var sqlite = new SqlitePaperStore(SourceDatabase))
        {
            long run = await sqlite.StartRunAsync("oai-pmh", "cs since 2026-11-01", CancellationToken.None);
            await sqlite.FinishRunAsync(run, new SyncRunResult(5, 1, 2, 0, null), CancellationToken.None);
            await sqlite.SetCheckpointAsync("oai-pmh:cs:arXiv", "{\"from\":\"2026-11-01\"}", CancellationToken.None);
        }

        var copy = await _source.RunAsync("copy", "--from", _source.DataDirectory, "--to", Url, "--json");

        Assert.True(copy.ExitCode == 0, copy.Stderr);
        var report = copy.Json();
        Assert.Equal(403, report.GetProperty("papers").GetInt64());
        Assert.Equal(403, report.GetProperty("written").GetInt64());
        Assert.Equal(1, report.GetProperty("sync_runs").GetInt32());
        Assert.Equal(1, report.GetProperty("checkpoints").GetInt32());
        Assert.True(report.GetProperty("verified").GetBoolean());
        await AssertSamePapersAsync();
        await using (var postgres = new PostgresPaperStore(ConnectionString))
        {
            var runs = await postgres.ListRunsAsync(10, CancellationToken.None);
            Assert.Equal(("oai-pmh", "cs since 2026-11-01", 5, "ok"), (runs[0].Source, runs[0].Description, runs[0].Result!.Added, runs[0].Status));
            Assert.Equal("{\"from\":\"2026-11-01\"}", await postgres.GetCheckpointAsync("oai-pmh:cs:arXiv", CancellationToken.None));
            // A run started on PostgreSQL after the copy is numbered after the copied ones.
            Assert.True(await postgres.StartRunAsync("oai-pmh", "next", CancellationToken.None) > runs[0].Id);
        }

        foreach (var query in Queries)
        {
            var onSqlite = await _source.RunAsync("search", query, "--limit", "20", "--json");
            var onPostgres = await _target.RunAsync("search", query, "--limit", "20", "--json", "--store", Url);
            Assert.Equal(0, onPostgres.ExitCode);
            Assert.NotEmpty(Ids(onSqlite));
            Assert.Equal(Ids(onSqlite), Ids(onPostgres));
        }
    }

    [Fact]
    public async Task A_second_copy_writes_nothing_and_leaves_the_store_generation_as_it_was()
    {
        var first = await _source.RunAsync("copy", "--from", _source.DataDirectory, "--to", Url, "--json");
        long generation = await GenerationAsync();

        var second = await _source.RunAsync("copy", "--from", _source.DataDirectory, "--to", Url, "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, second.Json().GetProperty("written").GetInt64());
        Assert.Equal(0, second.Json().GetProperty("removed").GetInt32());
        Assert.True(second.Json().GetProperty("verified").GetBoolean());
        Assert.Equal(generation, await GenerationAsync());
    }

    [Fact]
    public async Task Copy_moves_the_account_side_with_its_ids_and_a_second_copy_changes_nothing()
    {
        var ct = CancellationToken.None;
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        var settings = new SubscriptionSettings(DigestFrequency.Weekly, "Europe/Berlin", 7, Trending: true, Follows: false,
            [new SubscriptionTopic(TopicKind.Category, "cs.LG", "cs.LG"), new SubscriptionTopic(TopicKind.Query, "program synthesis", "Program synthesis")]);
        string paperId;
        long accountId;
        long subscriberId;
        await using (var sqlite = new SqlitePaperStore(SourceDatabase))
        {
            paperId = (await sqlite.ScanAsync(ct).FirstAsync()).Id;
            await sqlite.GetOrAddSecretAsync("sign-in", secret, ct);
            // A first account, so the reader's id is not 1 and a renumbering would show.
            await sqlite.SignInAccountAsync("first@example.org", now, ct);
            accountId = (await sqlite.SignInAccountAsync("reader@example.org", now, ct)).Id;
            await sqlite.AddSignInTokenAsync(new SignInTokenRecord("sign-in-hash", "reader@example.org", now, now.AddMinutes(15)), ct);
            await sqlite.AddSessionAsync("session-hash", accountId, now, now.AddDays(30), ct);
            await sqlite.AddAccessTokenAsync(accountId, "laptop", "token-hash", "pb_abcd", now, ct);
            await sqlite.SetUpvoteAsync(accountId, paperId, upvoted: true, now, ct);
            await sqlite.SaveToLibraryAsync(accountId, [paperId], now, ct);
            await sqlite.AddLibraryTagAsync(accountId, paperId, "to-read", ct);
            await sqlite.SetLibraryNoteAsync(accountId, paperId, "Read section 3 first", now, ct);
            await sqlite.FollowAsync(accountId, FollowKind.Category, "cs.LG", "cs.LG", now, ct);
            subscriberId = (await sqlite.AddSubscriberAsync("reader@example.org", accountId, settings, "link-salt", "confirm-salt", now, ct))!.Id;
            await sqlite.ConfirmSubscriberAsync(subscriberId, now, ct);
            await sqlite.RecordDigestAsync(subscriberId, "week-2026-W47", now, [paperId], ct);
            await sqlite.EnqueueAsync(Message("digest-sent"), now, ct);
            await sqlite.EnqueueAsync(Message("digest-queued"), now, ct);
            var claimed = await sqlite.ClaimNextAsync(now, TimeSpan.FromMinutes(5), ct);
            await using (var sent = await sqlite.PrepareSentAsync(claimed!.Id, now, ct))
            {
                await sent!.CommitAsync(ct);
            }
            await sqlite.SuppressAsync("bounced@example.org", "550 no such user", now, ct);
        }

        var first = await _source.RunAsync("copy", "--from", _source.DataDirectory, "--to", Url, "--json");
        var second = await _source.RunAsync("copy", "--from", _source.DataDirectory, "--to", Url, "--json");

        foreach (var copy in new[] { first, second })
        {
            Assert.True(copy.ExitCode == 0, copy.Stderr);
            Assert.True(copy.Json().GetProperty("verified").GetBoolean());
            var tables = copy.Json().GetProperty("tables");
            Assert.Equal(
                [("server_secrets", 1), ("accounts", 2), ("sign_in_tokens", 1), ("sessions", 1), ("access_tokens", 1), ("upvotes", 1),
                 ("library_items", 1), ("library_tags", 1), ("follows", 1), ("subscribers", 1), ("subscriber_topics", 2),
                 ("subscriber_papers", 1), ("outbox", 2), ("mail_suppressions", 1)],
                tables.EnumerateObject().Select(t => (t.Name, t.Value.GetInt32())).ToList());
        }
        await using var postgres = new PostgresPaperStore(ConnectionString);
        Assert.Equal(secret, await postgres.GetOrAddSecretAsync("sign-in", RandomNumberGenerator.GetBytes(32), ct));
        var account = (await postgres.GetAccountAsync(accountId, ct))!;
        Assert.Equal(("reader@example.org", now), (account.Email, account.Created));
        Assert.Equal("reader@example.org", await postgres.ConsumeSignInTokenAsync("sign-in-hash", now, ct));
        Assert.Equal(accountId, (await postgres.FindSessionAccountAsync("session-hash", now, ct))!.Id);
        Assert.Equal(accountId, (await postgres.UseAccessTokenAsync("token-hash", now, ct))!.Id);
        Assert.Equal([paperId], await postgres.ListUpvotedAsync(accountId, [paperId], ct));
        Assert.Equal(1, (await postgres.CountLocalUpvotesAsync([paperId], ct))[paperId]);
        var item = (await postgres.GetLibraryItemAsync(accountId, paperId, ct))!;
        Assert.Equal((now, "to-read", "Read section 3 first"), (item.Saved, Assert.Single(item.Tags), item.Note));
        Assert.True(await postgres.IsFollowingAsync(accountId, FollowKind.Category, "cs.LG", ct));
        var subscriber = (await postgres.FindSubscriberAsync("reader@example.org", ct))!;
        Assert.Equal((subscriberId, accountId, now, "link-salt", "week-2026-W47"), (subscriber.Id, subscriber.AccountId, subscriber.Confirmed, subscriber.LinkSalt, subscriber.LastPeriod));
        Assert.Equal(settings.Topics, subscriber.Settings.Topics);
        Assert.Equal((DigestFrequency.Weekly, "Europe/Berlin", 7, true, false), (subscriber.Settings.Frequency, subscriber.Settings.TimeZone, subscriber.Settings.Hour, subscriber.Settings.Trending, subscriber.Settings.Follows));
        Assert.Equal([paperId], await postgres.ListDeliveredAsync(subscriberId, [paperId], ct));
        var sentMessage = (await postgres.GetOutboxMessageAsync("digest-sent", ct))!;
        Assert.Equal((OutboxState.Sent, now, "<digest-sent@paperboy.test>"), (sentMessage.State, sentMessage.SentAt, sentMessage.MessageId));
        Assert.Equal("<https://paperboy.test/u/1>", sentMessage.Headers["List-Unsubscribe"]);
        Assert.Equal(OutboxState.Queued, (await postgres.GetOutboxMessageAsync("digest-queued", ct))!.State);
        Assert.True(await postgres.IsSuppressedAsync("bounced@example.org", ct));
        // The identity sequences were moved past the copied ids.
        Assert.True((await postgres.SignInAccountAsync("new@example.org", now, ct)).Id > accountId);
        Assert.True((await postgres.AddSubscriberAsync("new@example.org", null, settings, "salt", "salt", now, ct))!.Id > subscriberId);
    }

    [Fact]
    public async Task A_copy_mirrors_the_source_removing_papers_it_lacks_and_rewriting_those_that_changed()
    {
        Assert.Equal(0, (await _source.RunAsync("copy", "--from", _source.DataDirectory, "--to", Url)).ExitCode);
        await using (var postgres = new PostgresPaperStore(ConnectionString))
        {
            await postgres.UpsertAsync([new Paper { Id = "2611.00001", ArxivId = "2611.00001", Title = "Only in the target" }], CancellationToken.None);
        }
        await using (var sqlite = new SqlitePaperStore(SourceDatabase))
        {
            var paper = await sqlite.ScanAsync(CancellationToken.None).FirstAsync();
            await sqlite.UpsertAsync([paper with { Comments = "camera-ready" }], CancellationToken.None);
        }

        var again = await _source.RunAsync("copy", "--from", _source.DataDirectory, "--to", Url, "--json");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(1, again.Json().GetProperty("written").GetInt64());
        Assert.Equal(1, again.Json().GetProperty("removed").GetInt32());
        await AssertSamePapersAsync();
        await using var target = new PostgresPaperStore(ConnectionString);
        Assert.Contains("2611.00001", await target.ListRemovedSinceAsync(0, CancellationToken.None));
    }

    [Fact]
    public async Task A_copy_to_an_unreachable_server_fails_with_exit_3_and_says_where_without_the_password()
    {
        var run = await _source.RunAsync("copy", "--from", _source.DataDirectory, "--to", "postgres://paperboy:hunter2@127.0.0.1:1/papers?connect_timeout=5");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("unable to migrate PostgreSQL at Database=papers;Username=paperboy;Host=127.0.0.1;Port=1;", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Failed to connect to 127.0.0.1:1", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_from_a_directory_without_a_store_is_a_usage_error()
    {
        var run = await _target.RunAsync("copy", "--from", _target.DataDirectory, "--to", Url);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from: no Paperboy store there", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_target.DataDirectory, "paperboy.db")));
    }

    private static NewOutboxMessage Message(string key) => new(
        key, "reader@example.org", "Your weekly papers", "Three papers", "<p>Three papers</p>",
        new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://paperboy.test/u/1>" }, $"<{key}@paperboy.test>");

    private string SourceDatabase => Path.Combine(_source.DataDirectory, SqlitePaperStore.FileName);

    private string Url => $"postgres://postgres@127.0.0.1:{_server.Port}/{_database}";

    private string ConnectionString => _server.ConnectionString(_database);

    /// <summary>Every paper, field by field (the fingerprint covers all but first-seen, compared on its own).</summary>
    private async Task AssertSamePapersAsync()
    {
        await using var sqlite = new SqlitePaperStore(SourceDatabase);
        await using var postgres = new PostgresPaperStore(ConnectionString);
        var expected = await sqlite.ScanAsync(CancellationToken.None).Select(Describe).ToListAsync();
        var actual = await postgres.ScanAsync(CancellationToken.None).Select(Describe).ToListAsync();
        Assert.Equal(expected, actual);
    }

    private static string Describe(Paper paper) =>
        $"{paper.Id} {PaperFingerprint.Of(paper)} {PostgresRowsTime(paper.FirstSeen!.Value):O} {paper.Engagement?.Upvotes} {paper.Versions.Count}";

    private static DateTimeOffset PostgresRowsTime(DateTimeOffset time) => new(time.Ticks - (time.Ticks % 10), TimeSpan.Zero);

    private static List<string> Ids(PaperboyProcess.Run run) =>
        [.. run.Json().GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("id").GetString()!)];

    private async Task<long> GenerationAsync()
    {
        await using var postgres = new PostgresPaperStore(ConnectionString);
        return await postgres.GetGenerationAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _server.DropDatabaseAsync(_database);
    }

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
    }
}

using Paperboy.Core.Accounts;
using Paperboy.Storage.Postgres;

namespace Paperboy.Storage.Tests.Postgres;

/// <summary>
/// Two processes on one database, as two nodes behind a load balancer would be: two store instances,
/// each with its own connection pool, racing for what only one of them may have.
/// </summary>
public sealed class PostgresTwoNodeTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_sign_in_token_raced_from_two_nodes_signs_in_once()
    {
        await using var database = await TempDatabase.CreateAsync();
        // Small pools: the races queue for connections instead of taking the shared server's last ones.
        await using var first = new PostgresPaperStore($"{database.ConnectionString};Maximum Pool Size=8");
        await using var second = new PostgresPaperStore($"{database.ConnectionString};Maximum Pool Size=8");
        await first.InitializeAsync(None);
        await second.InitializeAsync(None);
        const int Tokens = 50;
        for (int i = 0; i < Tokens; i++)
        {
            await first.AddSignInTokenAsync(new SignInTokenRecord($"hash-{i}", $"reader{i}@example.org", T0, T0.AddMinutes(15)), None);
        }

        // Each token is consumed by both nodes at once, several times over, from the thread pool.
        var attempts = Enumerable.Range(0, Tokens)
            .SelectMany(i => new[] { first, second, first, second }.Select(node => (Token: i, Node: node)))
            .Select(a => Task.Run(async () => (a.Token, Email: await a.Node.ConsumeSignInTokenAsync($"hash-{a.Token}", T0.AddMinutes(1), None))));
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r.Email is not null).ToList();
        Assert.Equal(Enumerable.Range(0, Tokens), winners.Select(w => w.Token).Order());
        Assert.All(winners, w => Assert.Equal($"reader{w.Token}@example.org", w.Email));
        Assert.Equal(["0"], await database.QueryAsync("SELECT COUNT(*) FROM sign_in_tokens WHERE used_at IS NULL;"));
    }

    [Fact]
    public async Task An_upvote_cast_through_one_node_is_counted_through_the_other_and_only_once()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var first = new PostgresPaperStore(database.ConnectionString);
        await using var second = new PostgresPaperStore(database.ConnectionString);
        var ada = await first.SignInAccountAsync("ada@example.org", T0, None);
        var again = await second.SignInAccountAsync("ada@example.org", T0.AddMinutes(1), None);

        // The same reader's double click lands on both nodes at once.
        var cast = await Task.WhenAll(
            Task.Run(() => first.SetUpvoteAsync(ada.Id, "2401.00001", true, T0, None)),
            Task.Run(() => second.SetUpvoteAsync(ada.Id, "2401.00001", true, T0, None)));

        Assert.Equal(ada.Id, again.Id);
        Assert.Equal(1, cast.Count(c => c));
        Assert.Equal(1, (await second.CountLocalUpvotesAsync(["2401.00001"], None))["2401.00001"]);
        Assert.Equal(["2401.00001"], await second.ListUpvotedAsync(ada.Id, ["2401.00001", "2401.00002"], None));
        Assert.True(await second.SetUpvoteAsync(ada.Id, "2401.00001", false, T0, None));
        Assert.Equal(0, (await first.CountLocalUpvotesAsync(["2401.00001"], None))["2401.00001"]);
    }
}

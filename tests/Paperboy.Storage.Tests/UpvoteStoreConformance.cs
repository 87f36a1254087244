namespace Paperboy.Storage.Tests;

/// <summary>
/// The upvote contract (IUpvoteStore): one per account per paper, counted and listed by time.
/// Every store runs these, each test on a store of its own.
/// </summary>
public abstract class UpvoteStoreConformance
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, empty, initialized store that the test disposes.</summary>
    private protected abstract Task<StoreUnderTest> CreateStoreAsync();

    [Fact]
    public async Task An_account_upvotes_a_paper_once_and_can_take_it_back()
    {
        await using var temp = await CreateStoreAsync();
        var ada = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);

        bool first = await temp.Upvotes.SetUpvoteAsync(ada.Id, "2401.00001", true, T0, CancellationToken.None);
        bool second = await temp.Upvotes.SetUpvoteAsync(ada.Id, "2401.00001", true, T0.AddMinutes(1), CancellationToken.None);
        var afterTwo = await temp.Upvotes.CountLocalUpvotesAsync(["2401.00001"], CancellationToken.None);
        bool removed = await temp.Upvotes.SetUpvoteAsync(ada.Id, "2401.00001", false, T0, CancellationToken.None);
        bool removedAgain = await temp.Upvotes.SetUpvoteAsync(ada.Id, "2401.00001", false, T0, CancellationToken.None);

        Assert.Equal((true, false, true, false), (first, second, removed, removedAgain));
        Assert.Equal(1, afterTwo["2401.00001"]);
        Assert.Equal(0, (await temp.Upvotes.CountLocalUpvotesAsync(["2401.00001"], CancellationToken.None))["2401.00001"]);
    }

    [Fact]
    public async Task Local_counts_cover_every_id_asked_for_with_zero_for_none()
    {
        await using var temp = await CreateStoreAsync();
        var ada = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        var bob = await temp.Accounts.SignInAccountAsync("bob@example.org", T0, CancellationToken.None);
        await temp.Upvotes.SetUpvoteAsync(ada.Id, "2401.00001", true, T0, CancellationToken.None);
        await temp.Upvotes.SetUpvoteAsync(bob.Id, "2401.00001", true, T0, CancellationToken.None);
        await temp.Upvotes.SetUpvoteAsync(bob.Id, "2401.00002", true, T0, CancellationToken.None);

        var counts = await temp.Upvotes.CountLocalUpvotesAsync(["2401.00001", "2401.00002", "2401.00003"], CancellationToken.None);
        var bobs = await temp.Upvotes.ListUpvotedAsync(bob.Id, ["2401.00001", "2401.00003"], CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["2401.00001"] = 2, ["2401.00002"] = 1, ["2401.00003"] = 0 }, counts);
        Assert.Equal(["2401.00001"], bobs);
    }

    [Fact]
    public async Task Upvotes_cast_in_a_window_are_counted_and_listed_with_their_times()
    {
        await using var temp = await CreateStoreAsync();
        var ada = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        var bob = await temp.Accounts.SignInAccountAsync("bob@example.org", T0, CancellationToken.None);
        await temp.Upvotes.SetUpvoteAsync(ada.Id, "old", true, T0.AddDays(-3), CancellationToken.None);
        await temp.Upvotes.SetUpvoteAsync(ada.Id, "fresh", true, T0.AddHours(2), CancellationToken.None);
        await temp.Upvotes.SetUpvoteAsync(bob.Id, "fresh", true, T0.AddHours(1), CancellationToken.None);
        await temp.Upvotes.SetUpvoteAsync(bob.Id, "future", true, T0.AddDays(1), CancellationToken.None);

        var counts = await temp.Upvotes.CountLocalUpvotesCastBetweenAsync(T0, T0.AddDays(1), CancellationToken.None);
        var listed = await temp.Upvotes.ListLocalUpvotesCastBetweenAsync(T0, T0.AddDays(1), CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["fresh"] = 2 }, counts);
        Assert.Equal([("fresh", T0.AddHours(1)), ("fresh", T0.AddHours(2))], listed.Select(u => (u.PaperId, u.Cast)));
    }
}

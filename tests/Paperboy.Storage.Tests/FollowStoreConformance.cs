using Paperboy.Core.Accounts;

namespace Paperboy.Storage.Tests;

/// <summary>
/// The follow contract (IFollowStore): authors and categories an account follows.
/// Every store runs these, each test on a store of its own.
/// </summary>
public abstract class FollowStoreConformance
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, empty, initialized store that the test disposes.</summary>
    private protected abstract Task<StoreUnderTest> CreateStoreAsync();

    [Fact]
    public async Task Follows_are_kept_per_account_and_kind_and_listed_authors_first()
    {
        await using var temp = await CreateStoreAsync();
        var ada = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        var bob = await temp.Accounts.SignInAccountAsync("bob@example.org", T0, CancellationToken.None);

        Assert.True(await temp.Follows.FollowAsync(ada.Id, FollowKind.Category, "cs.LG", "cs.LG", T0, CancellationToken.None));
        Assert.True(await temp.Follows.FollowAsync(ada.Id, FollowKind.Author, "yann lecun", "Yann LeCun", T0, CancellationToken.None));
        Assert.False(await temp.Follows.FollowAsync(ada.Id, FollowKind.Author, "yann lecun", "YANN LECUN", T0, CancellationToken.None));
        Assert.True(await temp.Follows.FollowAsync(bob.Id, FollowKind.Author, "yann lecun", "Yann LeCun", T0, CancellationToken.None));

        Assert.Equal(
            [new Follow(FollowKind.Author, "yann lecun", "Yann LeCun", T0), new Follow(FollowKind.Category, "cs.LG", "cs.LG", T0)],
            await temp.Follows.ListFollowsAsync(ada.Id, CancellationToken.None));
        Assert.Equal([ada.Id, bob.Id], await temp.Follows.ListFollowerIdsAsync(FollowKind.Author, "yann lecun", CancellationToken.None));
        Assert.False(await temp.Follows.IsFollowingAsync(bob.Id, FollowKind.Category, "cs.LG", CancellationToken.None));

        Assert.True(await temp.Follows.UnfollowAsync(ada.Id, FollowKind.Author, "yann lecun", CancellationToken.None));
        Assert.False(await temp.Follows.IsFollowingAsync(ada.Id, FollowKind.Author, "yann lecun", CancellationToken.None));
        Assert.True(await temp.Follows.IsFollowingAsync(bob.Id, FollowKind.Author, "yann lecun", CancellationToken.None));
    }
}

using Paperboy.Core.Accounts;

namespace Paperboy.Storage.Tests;

public sealed class FollowStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Follows_are_kept_per_account_and_kind_and_listed_authors_first()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        var ada = await store.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        var bob = await store.SignInAccountAsync("bob@example.org", T0, CancellationToken.None);

        Assert.True(await store.FollowAsync(ada.Id, FollowKind.Category, "cs.LG", "cs.LG", T0, CancellationToken.None));
        Assert.True(await store.FollowAsync(ada.Id, FollowKind.Author, "yann lecun", "Yann LeCun", T0, CancellationToken.None));
        Assert.False(await store.FollowAsync(ada.Id, FollowKind.Author, "yann lecun", "YANN LECUN", T0, CancellationToken.None));
        Assert.True(await store.FollowAsync(bob.Id, FollowKind.Author, "yann lecun", "Yann LeCun", T0, CancellationToken.None));

        Assert.Equal(
            [new Follow(FollowKind.Author, "yann lecun", "Yann LeCun", T0), new Follow(FollowKind.Category, "cs.LG", "cs.LG", T0)],
            await store.ListFollowsAsync(ada.Id, CancellationToken.None));
        Assert.Equal([ada.Id, bob.Id], await store.ListFollowerIdsAsync(FollowKind.Author, "yann lecun", CancellationToken.None));
        Assert.False(await store.IsFollowingAsync(bob.Id, FollowKind.Category, "cs.LG", CancellationToken.None));

        Assert.True(await store.UnfollowAsync(ada.Id, FollowKind.Author, "yann lecun", CancellationToken.None));
        Assert.False(await store.IsFollowingAsync(ada.Id, FollowKind.Author, "yann lecun", CancellationToken.None));
        Assert.True(await store.IsFollowingAsync(bob.Id, FollowKind.Author, "yann lecun", CancellationToken.None));
    }
}

using Paperboy.Core.Accounts;

namespace Paperboy.Storage.Tests;

public sealed class AccountStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_secret_is_stored_once_and_later_candidates_are_ignored()
    {
        await using var temp = await TempStore.CreateAsync();

        byte[] first = await temp.Store.GetOrAddSecretAsync("signin", [1, 2, 3], CancellationToken.None);
        byte[] second = await temp.Store.GetOrAddSecretAsync("signin", [9, 9, 9], CancellationToken.None);

        Assert.Equal([1, 2, 3], first);
        Assert.Equal([1, 2, 3], second);
    }

    [Fact]
    public async Task A_sign_in_token_is_consumed_once_and_only_before_it_expires()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        await store.AddSignInTokenAsync(new SignInTokenRecord("hash-a", "ada@example.org", T0, T0.AddMinutes(15)), CancellationToken.None);
        await store.AddSignInTokenAsync(new SignInTokenRecord("hash-b", "bob@example.org", T0, T0.AddMinutes(15)), CancellationToken.None);

        Assert.Equal("ada@example.org", await store.ConsumeSignInTokenAsync("hash-a", T0.AddMinutes(1), CancellationToken.None));
        Assert.Null(await store.ConsumeSignInTokenAsync("hash-a", T0.AddMinutes(2), CancellationToken.None));
        Assert.Null(await store.ConsumeSignInTokenAsync("hash-b", T0.AddMinutes(15), CancellationToken.None));
        Assert.Null(await store.ConsumeSignInTokenAsync("hash-unknown", T0, CancellationToken.None));
    }

    [Fact]
    public async Task Signing_in_twice_with_one_address_gives_the_same_account()
    {
        await using var temp = await TempStore.CreateAsync();

        var first = await temp.Store.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        var again = await temp.Store.SignInAccountAsync("ada@example.org", T0.AddDays(1), CancellationToken.None);
        var other = await temp.Store.SignInAccountAsync("bob@example.org", T0, CancellationToken.None);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(T0, again.Created);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal("ada@example.org", (await temp.Store.GetAccountAsync(first.Id, CancellationToken.None))!.Email);
    }

    [Fact]
    public async Task A_session_finds_its_account_until_it_expires_or_is_deleted()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        var account = await store.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        await store.AddSessionAsync("s1", account.Id, T0, T0.AddDays(30), CancellationToken.None);
        await store.AddSessionAsync("s2", account.Id, T0, T0.AddDays(30), CancellationToken.None);

        Assert.Equal(account.Id, (await store.FindSessionAccountAsync("s1", T0.AddDays(29), CancellationToken.None))!.Id);
        Assert.Null(await store.FindSessionAccountAsync("s1", T0.AddDays(30), CancellationToken.None));
        await store.DeleteSessionAsync("s2", CancellationToken.None);
        Assert.Null(await store.FindSessionAccountAsync("s2", T0.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task Expired_tokens_and_sessions_are_purged_and_live_ones_kept()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        var account = await store.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        await store.AddSignInTokenAsync(new SignInTokenRecord("old", "ada@example.org", T0, T0.AddMinutes(15)), CancellationToken.None);
        await store.AddSignInTokenAsync(new SignInTokenRecord("new", "ada@example.org", T0.AddHours(1), T0.AddHours(2)), CancellationToken.None);
        await store.AddSessionAsync("old-session", account.Id, T0, T0.AddMinutes(30), CancellationToken.None);

        int purged = await store.DeleteExpiredAsync(T0.AddHours(1), CancellationToken.None);

        Assert.Equal(2, purged);
        Assert.Equal("ada@example.org", await store.ConsumeSignInTokenAsync("new", T0.AddHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task Access_tokens_are_listed_newest_first_used_and_revoked_per_account()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        var ada = await store.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        var bob = await store.SignInAccountAsync("bob@example.org", T0, CancellationToken.None);
        var laptop = await store.AddAccessTokenAsync(ada.Id, "laptop", "h1", "pb_abcd", T0, CancellationToken.None);
        var script = await store.AddAccessTokenAsync(ada.Id, "script", "h2", "pb_efgh", T0.AddMinutes(1), CancellationToken.None);

        var used = await store.UseAccessTokenAsync("h1", T0.AddHours(1), CancellationToken.None);
        bool bobRevoked = await store.DeleteAccessTokenAsync(bob.Id, laptop.Id, CancellationToken.None);
        bool adaRevoked = await store.DeleteAccessTokenAsync(ada.Id, script.Id, CancellationToken.None);

        Assert.Equal(ada.Id, used!.Id);
        Assert.False(bobRevoked);
        Assert.True(adaRevoked);
        Assert.Null(await store.UseAccessTokenAsync("h2", T0.AddHours(1), CancellationToken.None));
        var listed = Assert.Single(await store.ListAccessTokensAsync(ada.Id, CancellationToken.None));
        Assert.Equal(("laptop", "pb_abcd", T0.AddHours(1)), (listed.Name, listed.Hint, listed.LastUsed));
    }
}

using Paperboy.Core.Accounts;

namespace Paperboy.Storage.Tests;

/// <summary>
/// The account contract (IAccountStore): secrets, sign-in tokens, accounts, sessions, access tokens.
/// Every store runs these, each test on a store of its own.
/// </summary>
public abstract class AccountStoreConformance
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, empty, initialized store that the test disposes.</summary>
    private protected abstract Task<StoreUnderTest> CreateStoreAsync();

    [Fact]
    public async Task A_secret_is_stored_once_and_later_candidates_are_ignored()
    {
        await using var temp = await CreateStoreAsync();

        byte[] first = await temp.Accounts.GetOrAddSecretAsync("signin", [1, 2, 3], CancellationToken.None);
        byte[] second = await temp.Accounts.GetOrAddSecretAsync("signin", [9, 9, 9], CancellationToken.None);

        Assert.Equal([1, 2, 3], first);
        Assert.Equal([1, 2, 3], second);
    }

    [Fact]
    public async Task A_sign_in_token_is_consumed_once_and_only_before_it_expires()
    {
        await using var temp = await CreateStoreAsync();
        await temp.Accounts.AddSignInTokenAsync(new SignInTokenRecord("hash-a", "ada@example.org", T0, T0.AddMinutes(15)), CancellationToken.None);
        await temp.Accounts.AddSignInTokenAsync(new SignInTokenRecord("hash-b", "bob@example.org", T0, T0.AddMinutes(15)), CancellationToken.None);

        Assert.Equal("ada@example.org", await temp.Accounts.ConsumeSignInTokenAsync("hash-a", T0.AddMinutes(1), CancellationToken.None));
        Assert.Null(await temp.Accounts.ConsumeSignInTokenAsync("hash-a", T0.AddMinutes(2), CancellationToken.None));
        Assert.Null(await temp.Accounts.ConsumeSignInTokenAsync("hash-b", T0.AddMinutes(15), CancellationToken.None));
        Assert.Null(await temp.Accounts.ConsumeSignInTokenAsync("hash-unknown", T0, CancellationToken.None));
    }

    [Fact]
    public async Task Signing_in_twice_with_one_address_gives_the_same_account()
    {
        await using var temp = await CreateStoreAsync();

        var first = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        var again = await temp.Accounts.SignInAccountAsync("ada@example.org", T0.AddDays(1), CancellationToken.None);
        var other = await temp.Accounts.SignInAccountAsync("bob@example.org", T0, CancellationToken.None);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(T0, again.Created);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal("ada@example.org", (await temp.Accounts.GetAccountAsync(first.Id, CancellationToken.None))!.Email);
    }

    [Fact]
    public async Task A_session_finds_its_account_until_it_expires_or_is_deleted()
    {
        await using var temp = await CreateStoreAsync();
        var account = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        await temp.Accounts.AddSessionAsync("s1", account.Id, T0, T0.AddDays(30), CancellationToken.None);
        await temp.Accounts.AddSessionAsync("s2", account.Id, T0, T0.AddDays(30), CancellationToken.None);

        Assert.Equal(account.Id, (await temp.Accounts.FindSessionAccountAsync("s1", T0.AddDays(29), CancellationToken.None))!.Id);
        Assert.Null(await temp.Accounts.FindSessionAccountAsync("s1", T0.AddDays(30), CancellationToken.None));
        await temp.Accounts.DeleteSessionAsync("s2", CancellationToken.None);
        Assert.Null(await temp.Accounts.FindSessionAccountAsync("s2", T0.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task Expired_tokens_and_sessions_are_purged_and_live_ones_kept()
    {
        await using var temp = await CreateStoreAsync();
        var account = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        await temp.Accounts.AddSignInTokenAsync(new SignInTokenRecord("old", "ada@example.org", T0, T0.AddMinutes(15)), CancellationToken.None);
        await temp.Accounts.AddSignInTokenAsync(new SignInTokenRecord("new", "ada@example.org", T0.AddHours(1), T0.AddHours(2)), CancellationToken.None);
        await temp.Accounts.AddSessionAsync("old-session", account.Id, T0, T0.AddMinutes(30), CancellationToken.None);

        int purged = await temp.Accounts.DeleteExpiredAsync(T0.AddHours(1), CancellationToken.None);

        Assert.Equal(2, purged);
        Assert.Equal("ada@example.org", await temp.Accounts.ConsumeSignInTokenAsync("new", T0.AddHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task Access_tokens_are_listed_newest_first_used_and_revoked_per_account()
    {
        await using var temp = await CreateStoreAsync();
        var ada = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        var bob = await temp.Accounts.SignInAccountAsync("bob@example.org", T0, CancellationToken.None);
        var laptop = await temp.Accounts.AddAccessTokenAsync(ada.Id, "laptop", "h1", "pb_abcd", T0, CancellationToken.None);
        var script = await temp.Accounts.AddAccessTokenAsync(ada.Id, "script", "h2", "pb_efgh", T0.AddMinutes(1), CancellationToken.None);

        var used = await temp.Accounts.UseAccessTokenAsync("h1", T0.AddHours(1), CancellationToken.None);
        bool bobRevoked = await temp.Accounts.DeleteAccessTokenAsync(bob.Id, laptop.Id, CancellationToken.None);
        bool adaRevoked = await temp.Accounts.DeleteAccessTokenAsync(ada.Id, script.Id, CancellationToken.None);

        Assert.Equal(ada.Id, used!.Id);
        Assert.False(bobRevoked);
        Assert.True(adaRevoked);
        Assert.Null(await temp.Accounts.UseAccessTokenAsync("h2", T0.AddHours(1), CancellationToken.None));
        var listed = Assert.Single(await temp.Accounts.ListAccessTokensAsync(ada.Id, CancellationToken.None));
        Assert.Equal(("laptop", "pb_abcd", T0.AddHours(1)), (listed.Name, listed.Hint, listed.LastUsed));
    }
}

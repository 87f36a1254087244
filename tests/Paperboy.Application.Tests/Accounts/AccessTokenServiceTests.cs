using Paperboy.Application.Accounts;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Tests.Accounts;

public sealed class AccessTokenServiceTests
{
    [Fact]
    public async Task A_token_is_prefixed_shown_once_stored_hashed_and_dies_when_revoked()
    {
        await using var app = new AppServices(loadDemoCorpus: false);
        var store = app.Get<IAccountStore>();
        var tokens = app.Get<AccessTokenService>();
        var ada = await store.SignInAccountAsync("ada@example.org", DateTimeOffset.UtcNow, CancellationToken.None);

        var created = await tokens.CreateAsync(ada.Id, "  laptop ", CancellationToken.None);

        Assert.StartsWith("pb_", created!.Secret, StringComparison.Ordinal);
        Assert.Equal(46, created.Secret.Length);
        Assert.Equal(("laptop", created.Secret[..8]), (created.Info.Name, created.Info.Hint));
        Assert.Equal(ada.Id, (await tokens.AuthenticateAsync(created.Secret, CancellationToken.None))!.Id);
        Assert.Null(await tokens.AuthenticateAsync(created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A'), CancellationToken.None));
        Assert.Null(await tokens.AuthenticateAsync(SecretTokens.Hash(created.Secret), CancellationToken.None));
        Assert.True(await tokens.RevokeAsync(ada.Id, created.Info.Id, CancellationToken.None));
        Assert.Null(await tokens.AuthenticateAsync(created.Secret, CancellationToken.None));
    }
}

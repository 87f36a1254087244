using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Accounts;

namespace Paperboy.Application.Tests.Accounts;

public sealed class SignInServiceTests : IAsyncLifetime
{
    private static readonly Uri Root = new("https://papers.example.org/pb/");
    private readonly ManualTime _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingMailer _mailer = new();
    private AppServices _app = null!;
    private SignInService _signIn = null!;

    public Task InitializeAsync()
    {
        _app = new AppServices(loadDemoCorpus: false, configure: options =>
        {
            options.Accounts.SignInRequestsPerAddress = 3;
            options.Accounts.SignInRequestsPerClient = 4;
        });
        var store = _app.Get<Paperboy.Core.Storage.IAccountStore>();
        var options = _app.Get<AccountOptions>();
        _signIn = new SignInService(store, new SignInLinkSigner(store), new SignInThrottle(_time), _mailer, options, _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_link_starts_at_the_public_root_and_signs_in_once()
    {
        var outcome = await _signIn.RequestLinkAsync("  Ada@Example.org ", "10.0.0.1", Root, null, CancellationToken.None);

        Assert.Equal(SignInRequestOutcome.Sent, outcome);
        var (email, link) = Assert.Single(_mailer.Sent);
        Assert.Equal("ada@example.org", email);
        Assert.Equal("https://papers.example.org/pb/signin/complete", link.GetLeftPart(UriPartial.Path));
        var first = await CompleteAsync(link);
        var second = await CompleteAsync(link);
        Assert.Equal("ada@example.org", first!.Account.Email);
        Assert.Equal(_time.GetUtcNow().AddDays(30), first.Expires);
        Assert.Null(second);
        Assert.Equal(first.Account.Id, (await _signIn.FindSessionAccountAsync(first.Token, CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task A_link_stops_working_when_it_expires()
    {
        await _signIn.RequestLinkAsync("ada@example.org", "10.0.0.1", Root, null, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.Null(await CompleteAsync(_mailer.Sent[0].Link));
    }

    [Fact]
    public async Task A_link_with_an_edited_expiry_or_signature_is_refused()
    {
        await _signIn.RequestLinkAsync("ada@example.org", "10.0.0.1", Root, null, CancellationToken.None);
        var query = HttpUtility.ParseQueryString(_mailer.Sent[0].Link.Query);
        long later = long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture) + 3600;

        Assert.Null(await _signIn.CompleteAsync(query["token"], later.ToString(System.Globalization.CultureInfo.InvariantCulture), query["sig"], CancellationToken.None));
        Assert.Null(await _signIn.CompleteAsync(query["token"], query["expires"], Edited(query["sig"]!), CancellationToken.None));
        Assert.Null(await _signIn.CompleteAsync(SecretTokens.New(), query["expires"], query["sig"], CancellationToken.None));
        Assert.Equal("ada@example.org", (await _signIn.CompleteAsync(query["token"], query["expires"], query["sig"], CancellationToken.None))!.Account.Email);
    }

    [Fact]
    public async Task Requests_are_limited_per_address_and_per_client_until_the_window_passes()
    {
        var perAddress = new List<SignInRequestOutcome>();
        for (var i = 0; i < 4; i++)
        {
            perAddress.Add(await _signIn.RequestLinkAsync("ada@example.org", $"10.0.0.{i}", Root, null, CancellationToken.None));
        }
        // The client 10.0.0.9 asks for four other addresses: its fifth request is refused.
        var perClient = new List<SignInRequestOutcome>();
        for (var i = 0; i < 5; i++)
        {
            perClient.Add(await _signIn.RequestLinkAsync($"user{i}@example.org", "10.0.0.9", Root, null, CancellationToken.None));
        }
        _time.Advance(TimeSpan.FromHours(1));
        var afterWindow = await _signIn.RequestLinkAsync("ada@example.org", "10.0.0.9", Root, null, CancellationToken.None);

        Assert.Equal([SignInRequestOutcome.Sent, SignInRequestOutcome.Sent, SignInRequestOutcome.Sent, SignInRequestOutcome.RateLimited], perAddress);
        Assert.Equal(SignInRequestOutcome.RateLimited, perClient[4]);
        Assert.Equal(4, perClient.Count(o => o == SignInRequestOutcome.Sent));
        Assert.Equal(SignInRequestOutcome.Sent, afterWindow);
        Assert.Equal(8, _mailer.Sent.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("Ada <ada@example.org>")]
    [InlineData("ada@localhost")]
    [InlineData("ada@example.org\r\nBcc: eve@example.org")]
    public async Task A_malformed_address_gets_no_link(string email)
    {
        Assert.Equal(SignInRequestOutcome.InvalidAddress, await _signIn.RequestLinkAsync(email, "10.0.0.1", Root, null, CancellationToken.None));
        Assert.Empty(_mailer.Sent);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await _signIn.RequestLinkAsync("ada@example.org", "10.0.0.1", Root, null, CancellationToken.None);
        var session = await CompleteAsync(_mailer.Sent[0].Link);

        await _signIn.SignOutAsync(session!.Token, CancellationToken.None);

        Assert.Null(await _signIn.FindSessionAccountAsync(session.Token, CancellationToken.None));
    }

    [Fact]
    public async Task The_link_key_is_random_and_kept_in_the_store()
    {
        var signer = _app.Get<SignInLinkSigner>();
        string first = await signer.SignAsync("token", 1, CancellationToken.None);
        byte[] stored = await _app.Get<Paperboy.Core.Storage.IAccountStore>().GetOrAddSecretAsync(SignInLinkSigner.SecretName, new byte[32], CancellationToken.None);

        Assert.Equal(32, stored.Length);
        Assert.Contains(stored, b => b != 0);
        Assert.Equal(first, await new SignInLinkSigner(_app.Get<Paperboy.Core.Storage.IAccountStore>()).SignAsync("token", 1, CancellationToken.None));
    }

    private Task<SignInSession?> CompleteAsync(Uri link)
    {
        var query = HttpUtility.ParseQueryString(link.Query);
        return _signIn.CompleteAsync(query["token"], query["expires"], query["sig"], CancellationToken.None);
    }

    // A signature with its first character changed, whatever that character is.
    private static string Edited(string signature) => (signature[0] == 'A' ? "B" : "A") + signature[1..];
}

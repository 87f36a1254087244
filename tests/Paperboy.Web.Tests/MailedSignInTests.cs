using System.Net;
using System.Text.RegularExpressions;
using Paperboy.Testing;

namespace Paperboy.Web.Tests;

/// <summary>With Paperboy:Smtp configured, sign-in links go out by mail through the outbox, not to the log.</summary>
public sealed partial class MailedSignInTests : IAsyncLifetime
{
    private SmtpServer _server = null!;
    private PaperboyWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _server = await SmtpServer.StartAsync();
        _factory = new PaperboyWebFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Paperboy:PublicUrl"] = "https://papers.example.org/",
                ["Paperboy:Smtp:Host"] = _server.Host,
                ["Paperboy:Smtp:Port"] = _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Paperboy:Smtp:StartTls"] = "Never",
                ["Paperboy:Smtp:From"] = "signin@papers.example.org",
            },
        };
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_link_read_from_the_received_mail_signs_in_and_nothing_is_logged()
    {
        var client = Accounts.Browser(_factory);

        var asked = await Accounts.RequestLinkAsync(client, "Grace@Example.org");
        // The background sender is woken by the queueing; bounded polling for its delivery.
        for (int i = 0; i < 1500 && _server.Messages().Count == 0; i++)
        {
            await Task.Delay(20);
        }
        var message = Assert.Single(_server.Messages());
        string link = LinkInText().Match(message.Text!).Groups[1].Value;
        var signedIn = await Accounts.FollowLinkAsync(client, link);
        var account = await Html.GetAsync(client, "/account");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("grace@example.org", message.To);
        Assert.Equal("Sign in to Paperboy", message.Subject);
        Assert.Equal("\"Paperboy\" <signin@papers.example.org>", message.From);
        Assert.StartsWith("https://papers.example.org/signin/complete?token=", link, StringComparison.Ordinal);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link)}\"", message.Html, StringComparison.Ordinal);
        Assert.Equal("/account", signedIn.Headers.Location!.OriginalString);
        Assert.Equal("grace@example.org", account.QuerySelector(".email")!.TextContent);
        Assert.DoesNotContain(_factory.Logs.Entries, e => e.Message.Contains("signin/complete", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"Sign in: (\S+)")]
    private static partial Regex LinkInText();
}

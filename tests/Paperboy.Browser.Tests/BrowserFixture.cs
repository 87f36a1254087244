using Paperboy.Browser.Testing;
using Paperboy.Core.Papers;

namespace Paperboy.Browser.Tests;

/// <summary>
/// One app and one Chromium for every test of the browser collection: the demo corpus (403 papers)
/// plus <see cref="HostilePaper"/>. Each test opens its own context with <see cref="OpenAsync"/>,
/// so cookies and storage never carry over between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const int DemoPapers = 403;

    /// <summary>A paper whose title and abstract carry markup, as outside sources can send.</summary>
    public static readonly Paper HostilePaper = new()
    {
        Id = "2401.77777",
        ArxivId = "2401.77777",
        Title = "<script>alert(1)</script> Axolotl limb regeneration",
        TitleRaw = "<script>alert(1)</script> Axolotl limb regeneration",
        Abstract = "Axolotls <img src=x onerror=alert(2)> regrow limbs.",
        AbstractRaw = "Axolotls <img src=x onerror=alert(2)> regrow limbs.",
        Authors = ["<i>Mallory</i>"],
        Categories = ["q-bio.TO"],
    };

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private LiveApp? _app;

    public LiveApp App => _app ?? throw new InvalidOperationException("the fixture has not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        // Waiting, not a speed limit: two cores are shared by whatever else the machine runs.
        SetDefaultExpectTimeout(15_000);
        _app = await LiveApp.StartAsync(
            new Dictionary<string, string?>
            {
                // Every test signs in from 127.0.0.1; the default of 20 link requests per client an hour
                // is for the public, and a run of the suite asks for more than that.
                ["Paperboy:Accounts:SignInRequestsPerClient"] = "1000",
            },
            CancellationToken.None);
        await _app.AddPapersAsync([HostilePaper], CancellationToken.None);
        _playwright = await Chromium.StartPlaywrightAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh context and page on the app, with the loopback and error guards on.</summary>
    public Task<BrowserSession> OpenAsync(BrowserNewContextOptions? options = null) =>
        BrowserSession.OpenAsync(Browser, App.BaseUrl, options);

    /// <summary>
    /// A fresh context signed in as a new account: <paramref name="name"/> plus a random part
    /// @example.org, so no test sees another's upvotes or library. Ends on /account.
    /// </summary>
    public async Task<BrowserSession> OpenSignedInAsync(string name, BrowserNewContextOptions? options = null)
    {
        var session = await OpenAsync(options);
        try
        {
            await SignInFlow.SignInAsync(session, App, NewEmail(name), CancellationToken.None);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>An address no one has used: "<paramref name="name"/>-1a2b3c4d@example.org".</summary>
    public static string NewEmail(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}@example.org";

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Web;

namespace Paperboy.Browser.Testing;

/// <summary>
/// The real web app on a real Kestrel port on 127.0.0.1 (a browser cannot reach an in-memory test
/// server), over a real SQLite store in a fresh temporary data directory that it fills with the demo
/// corpus before it takes its first request. Sync is off: nothing here reaches past loopback.
/// </summary>
public sealed class LiveApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveApp(WebApplication app, string dataDirectory, CapturedLog log, Uri baseUrl)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Log = log;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the app listens, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    public string DataDirectory { get; }

    /// <summary>Everything the app has logged so far.</summary>
    public CapturedLog Log { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The app's store, to seed data and to check what the pages show against it.</summary>
    public IPaperStore Store => _app.Services.GetRequiredService<IPaperStore>();

    /// <summary>Starts the app; <paramref name="settings"/> adds or overrides configuration keys.</summary>
    public static async Task<LiveApp> StartAsync(IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        string dataDirectory = Path.Combine(Path.GetTempPath(), $"paperboy-browser-{Guid.NewGuid():N}");
        var log = new CapturedLog();
        var configuration = new Dictionary<string, string?>
        {
            // Port 0: the system picks a free port, read back below, so parallel runs never collide.
            ["urls"] = "http://127.0.0.1:0",
            ["Paperboy:DataDirectory"] = dataDirectory,
            ["Paperboy:Sync:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        var app = PaperboyWebApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(log);
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        // After start, the addresses Kestrel bound, with the port it picked.
        var baseUrl = new Uri(app.Urls.Single(), UriKind.Absolute);
        return new LiveApp(app, dataDirectory, log, baseUrl);
    }

    /// <summary>An absolute address on the app from a path such as "/search?q=flow".</summary>
    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>Stores papers a test needs beside the demo corpus, and returns once the search index holds them.</summary>
    public async Task AddPapersAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        await Store.UpsertAsync(papers, cancellationToken);
        // While the app's background work catches the index up, a search answers from the last commit
        // (by design: it never waits for a catch-up), so a page opened now could miss these papers.
        var generation = await Store.GetGenerationAsync(cancellationToken);
        var search = _app.Services.GetRequiredService<Paperboy.Application.Searching.PaperSearchService>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (IndexedGeneration(await search.GetIndexAsync(timeout.Token)) < generation)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static long IndexedGeneration(Paperboy.Search.SearchIndex index) =>
        index.CommitData.TryGetValue(Paperboy.Application.Searching.PaperSearchService.StoreGenerationKey, out var value)
            ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : -1;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}

using Paperboy.Application.Syncing;
using Paperboy.Core.Storage;
using Paperboy.Ingest.Sources;
using Paperboy.Testing;

namespace Paperboy.Application.Tests.Syncing;

/// <summary>A replay server standing in for the remote services, and the app's services pointed at it.</summary>
public sealed class SyncHarness : IAsyncDisposable
{
    private SyncHarness(ReplayServer server, AppServices app)
    {
        Server = server;
        App = app;
    }

    public ReplayServer Server { get; }
    public AppServices App { get; }

    public SyncService Sync => App.Get<SyncService>();
    public IPaperStore Store => App.Get<IPaperStore>();
    public ISyncStateStore State => App.Get<ISyncStateStore>();

    public static async Task<SyncHarness> StartAsync(int arxivPageSize = 10)
    {
        var server = await ReplayServer.StartAsync();
        var app = new AppServices(loadDemoCorpus: false, configure: options =>
        {
            options.Fetch.MinRequestInterval = TimeSpan.Zero;
            options.Fetch.BaseBackoff = TimeSpan.FromMilliseconds(10);
            options.Fetch.MaxBackoff = TimeSpan.FromMilliseconds(50);
            options.Fetch.MaxAttempts = 3;
            options.Sources.ArxivApi = server.Url("/api/query");
            options.Sources.OaiPmh = server.Url("/oai");
            options.Sources.HfDaily = server.Url("/api/daily_papers");
            options.Sources.ArxivRss = server.Url("/rss/");
            options.Sources.ArxivApiPageSize = arxivPageSize;
            options.Sources.OaiMetadataPrefix = "arXiv";
        });
        return new SyncHarness(server, app);
    }

    public Task<SyncReport> RunAsync(string source, params string[] categories) =>
        Sync.RunAsync(source, new SyncRequest(categories, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), null), null, CancellationToken.None);

    public static string Fixture(string folder, string name) => AppServices.Fixture(folder, name);

    public static string FixtureText(string folder, string name) => File.ReadAllText(Fixture(folder, name));

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Server.DisposeAsync();
    }
}

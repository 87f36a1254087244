using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Web.Tests;

/// <summary>
/// The real web app over a real SQLite store holding <see cref="BrowsingCorpus"/> instead of the demo
/// corpus (whose saved pages carry no dates, upvotes, authors or categories), with the clock fixed at
/// <see cref="BrowsingCorpus.Now"/> so trending ages are known.
/// </summary>
public sealed class BrowsingWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"paperboy-web-test-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Paperboy:DataDirectory", DataDirectory);
        builder.UseSetting("Paperboy:LoadDemoCorpus", "false");
        builder.UseSetting("Paperboy:Sync:Enabled", "false");
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FixedTime(BrowsingCorpus.Now)));
    }

    public async Task InitializeAsync() =>
        await Services.GetRequiredService<IPaperStore>().UpsertAsync(BrowsingCorpus.Papers, CancellationToken.None);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}

/// <summary>A clock that always says the same time.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// Six papers over three weeks. On 2024-03-11 (the latest day): A (50 upvotes, first version the day
/// before: new), B (10 upvotes, first version ten days before: not new) and F (no engagement, listed by
/// its first version that day: new). C trended on 03-08 with 200 upvotes, D on 03-05 with 30, E on
/// 02-20 with 5. With the clock at 03-11 12:00 and gravity 1.8, trending ranks A, B, C, F, D.
/// </summary>
public static class BrowsingCorpus
{
    public static readonly DateTimeOffset Now = new(2024, 3, 11, 12, 0, 0, TimeSpan.Zero);

    public const string A = "2403.01001";
    public const string B = "2403.01002";
    public const string C = "2403.01003";
    public const string D = "2403.01004";
    public const string E = "2402.01005";
    public const string F = "2403.01006";

    public static readonly IReadOnlyList<Paper> Papers =
    [
        Paper(A, "Video Diffusion Transformers", ["Ada Lovelace", "Grace Hopper"], ["cs.CV", "cs.LG"],
            "We present a diffusion transformer for video generation. The model denoises latent video frames with attention, and its loss scales as $x^2 + \\alpha$ over frames.",
            At(3, 10, 18), Trended(3, 11, 50), ["https://github.com/example/vidit"]),
        Paper(B, "A Tokenizer for Language Models", ["Alan Turing"], ["cs.CL"],
            "A tokenizer for large language models that compresses text better than byte pair encoding.",
            At(3, 1, 9), Trended(3, 11, 10), []),
        Paper(C, "Long Video Generation with Temporal Attention", ["Grace Hopper"], ["cs.CV"],
            "A video diffusion model that generates long videos with a transformer backbone and temporal attention across frames.",
            At(3, 7, 15), Trended(3, 8, 200), ["https://github.com/example/longvid"]),
        Paper(D, "Message Passing for Molecules", ["Ada Lovelace"], ["cs.LG"],
            "Graph neural networks for molecule property prediction with message passing.",
            At(3, 4, 10), Trended(3, 5, 30), []),
        Paper(E, "Bayesian Optimisation of Hyperparameters", ["Alan Turing"], ["stat.ML"],
            "Bayesian optimisation with Gaussian processes for hyperparameter tuning.",
            new DateTimeOffset(2024, 2, 19, 8, 0, 0, TimeSpan.Zero), new PaperEngagement { Upvotes = 5, TrendingDate = new DateOnly(2024, 2, 20) }, []),
        Paper(F, "Instruction Tuning with Synthetic Dialogues", ["Katherine Johnson"], ["cs.CL"],
            "Instruction tuning of language models with synthetic dialogues.",
            At(3, 11, 1), null, [], versions: 2),
    ];

    private static DateTimeOffset At(int month, int day, int hour) => new(2024, month, day, hour, 0, 0, TimeSpan.Zero);

    private static PaperEngagement Trended(int month, int day, int upvotes) =>
        new() { Upvotes = upvotes, TrendingDate = new DateOnly(2024, month, day), ReportedAt = At(month, day, 23) };

    private static Paper Paper(string id, string title, IReadOnlyList<string> authors, IReadOnlyList<string> categories, string abstractText,
        DateTimeOffset published, PaperEngagement? engagement, IReadOnlyList<string> code, int versions = 1) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        TitleRaw = title,
        Abstract = abstractText,
        AbstractRaw = abstractText,
        Authors = authors,
        Categories = categories,
        Published = published,
        Versions = Enumerable.Range(1, versions).Select(v => new PaperVersion(v, published.AddDays(v - 1))).ToList(),
        CodeLinks = code,
        Engagement = engagement,
        Doi = id == A ? "10.1234/vdt.2024" : null,
    };
}

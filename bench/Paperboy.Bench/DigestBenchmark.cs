using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application;
using Paperboy.Application.Digests;
using Paperboy.Application.Importing;
using Paperboy.Application.Mail;
using Paperboy.Application.Searching;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Bench;

/// <summary>
/// A day of digests. A scratch data directory is filled as the app fills one: the synthetic corpus
/// (<see cref="DigestCorpus"/>: an archive plus <c>--papers</c> new papers on one day) imported by
/// <see cref="ImportService"/> into the SQLite store, the search index built, and <c>--subscribers</c>
/// readers subscribed through <see cref="SubscriptionService"/> and confirmed through their emailed links'
/// tokens. Then, on the clock, one <see cref="DigestService.SendAsync"/> with the schedule ignored (as
/// <c>paperboy digest send --now</c>): every digest composed, rendered and queued in the store's outbox,
/// nothing sent by SMTP. The peer, in the same process over the same data: <see cref="NaiveDigests"/>,
/// a search per subscriber and topic, over a sample of subscribers and extrapolated.
/// </summary>
internal static class DigestBenchmark
{
    public const int BackgroundPapers = 50_000;
    public const int NaiveSample = 1_000;

    /// <summary>The digest day (a Tuesday, announced that evening) and the moment of the run, the next day.</summary>
    public static readonly DateOnly Day = new(2025, 3, 4);
    public static readonly DateTimeOffset Now = new(2025, 3, 5, 12, 0, 0, TimeSpan.Zero);

    public static async Task<DigestRun> RunAsync(BenchArguments arguments, ScratchDirectory scratch, TextWriter log, CancellationToken cancellationToken)
    {
        var environment = RunEnvironment.Capture(await RunEnvironment.SqliteVersionAsync(cancellationToken));
        log.WriteLine($"bench: writing {BackgroundPapers:N0} older and {arguments.Papers:N0} new synthetic papers (seed {arguments.Seed})");
        var corpus = scratch.File("corpus.jsonl");
        DigestCorpus.Write(corpus, BackgroundPapers, arguments.Papers, arguments.Seed, Day);

        var timings = new DigestTimings();
        await using var services = Services(scratch.File("data"), timings);
        log.WriteLine("bench: importing and indexing (off the clock)");
        var imported = await services.GetRequiredService<ImportService>().ImportAsync([corpus], progress: null, cancellationToken);
        if (imported.Rejected > 0 || imported.PapersInStore != BackgroundPapers + arguments.Papers)
        {
            throw new InvalidOperationException($"bench: the store holds {imported.PapersInStore} papers, {imported.Rejected} rejected");
        }
        var search = services.GetRequiredService<PaperSearchService>();
        await search.ReindexAsync(cancellationToken);

        var papers = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>(BackgroundPapers + arguments.Papers);
        await foreach (var paper in services.GetRequiredService<IPaperStore>().ScanAsync(cancellationToken))
        {
            papers.Add((paper.Authors, paper.Categories));
        }
        var requests = DigestSubscribers.Create(arguments.Subscribers, arguments.Seed, papers);
        log.WriteLine($"bench: subscribing and confirming {requests.Count:N0} readers (off the clock; load average {LoadAverage.Read()})");
        var subscribing = Stopwatch.GetTimestamp();
        await SubscribeAsync(services, requests, cancellationToken);
        var subscribeSeconds = Stopwatch.GetElapsedTime(subscribing).TotalSeconds;

        var digests = services.GetRequiredService<DigestService>();
        var subscribers = await services.GetRequiredService<ISubscriptionStore>().ListConfirmedSubscribersAsync(cancellationToken);
        // Warm-up: one digest composed and rendered, nothing queued or recorded.
        _ = await digests.PreviewAsync(subscribers[0].Email, cancellationToken);
        var beforeRun = LoadAverage.Read();
        log.WriteLine($"bench: composing and queueing every digest (load average {beforeRun})");
        timings.Reset();
        var started = Stopwatch.GetTimestamp();
        var report = await digests.SendAsync(ignoreSchedule: true, cancellationToken);
        var total = Stopwatch.GetElapsedTime(started);
        var afterRun = LoadAverage.Read();
        var setup = timings.FirstSubscriberAt is { } first ? Stopwatch.GetElapsedTime(started, first) : total;

        var savedSearches = await SavedSearchesAloneAsync(search, subscribers, report.Candidates > 0 ? SlotOf(services, subscribers[0]) : null, cancellationToken);

        var sample = subscribers.Take(NaiveSample).ToList();
        log.WriteLine($"bench: the peer, a search per topic, over {sample.Count:N0} subscribers (load average {afterRun})");
        var digestSchedule = services.GetRequiredService<DigestSchedule>();
        var options = services.GetRequiredService<DigestOptions>();
        _ = await NaiveDigests.RunAsync(sample.Take(20).ToList(), search, digestSchedule, options, Now, cancellationToken); // warm-up
        var naive = await NaiveDigests.RunAsync(sample, search, digestSchedule, options, Now, cancellationToken);
        var afterPeer = LoadAverage.Read();

        var seconds = total.TotalSeconds;
        var rate = report.Due / seconds;
        var split = new DigestSplit(
            setup.TotalSeconds,
            timings.Suppressions.TotalSeconds,
            (total - setup - timings.Suppressions - timings.Enqueueing - timings.Recording).TotalSeconds,
            timings.DeliveredLookups.TotalSeconds,
            timings.Enqueueing.TotalSeconds,
            timings.Recording.TotalSeconds,
            savedSearches);
        return new DigestRun(environment, arguments.Seed, BackgroundPapers, arguments.Papers, Day, Now, Topics.Of(subscribers), subscribeSeconds,
            report.Subscribers, report.Due, report.Queued, report.Empty, report.Candidates, seconds, rate,
            (double)timings.PapersRecorded / Math.Max(1, report.Queued), split,
            naive, naive.Seconds * report.Due / naive.Subscribers, rate / naive.SubscribersPerSecond,
            new DigestLoads(beforeRun, afterRun, afterPeer));
    }

    private static DigestSlot SlotOf(ServiceProvider services, Subscriber subscriber) =>
        services.GetRequiredService<DigestSchedule>().Immediate(subscriber, Now);

    // Each distinct saved search once, as DigestCandidates.ForQuery runs it in the run (same request), timed
    // again on its own after the run: the part of composing that is searching.
    private static async Task<double> SavedSearchesAloneAsync(PaperSearchService search, IReadOnlyList<Subscriber> subscribers, DigestSlot? slot,
        CancellationToken cancellationToken)
    {
        if (slot is null)
        {
            return 0;
        }
        var index = await search.GetIndexAsync(cancellationToken);
        var options = new DigestOptions();
        var queries = subscribers.SelectMany(s => s.Settings.Topics).Where(t => t.Kind == TopicKind.Query).Select(t => t.Key).Distinct(StringComparer.Ordinal).ToList();
        var started = Stopwatch.GetTimestamp();
        foreach (var query in queries)
        {
            var filtered = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{query} date:{slot.From:yyyy-MM-dd}..{slot.To:yyyy-MM-dd}");
            _ = index.Search(new Paperboy.Search.SearchRequest(filtered) { Limit = options.MaxQueryMatches, Highlight = false });
        }
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static ServiceProvider Services(string dataDirectory, DigestTimings timings)
    {
        var options = new PaperboyOptions { DataDirectory = dataDirectory, LoadDemoCorpus = false, PublicUrl = "https://papers.example.org/" };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPaperboy(options);
        // Registered last, so these win: a fixed clock, and the store and outbox with their calls timed.
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddSingleton(timings);
        services.AddSingleton<ISubscriptionStore>(p => new DigestTimings.Subscriptions((ISubscriptionStore)p.GetRequiredService<IPaperStore>(), timings));
        services.AddSingleton(p => new DigestTimings.Outbox(p.GetRequiredService<EmailOutbox>(), timings));
        services.AddSingleton<IEmailOutbox>(p => p.GetRequiredService<DigestTimings.Outbox>());
        services.AddSingleton<IEmailSuppressions>(p => p.GetRequiredService<DigestTimings.Outbox>());
        return services.BuildServiceProvider();
    }

    // As a reader does: the form (each reader from its own client, as the rate limit expects), then the
    // link in the confirmation email, whose token is derived here as the email's was.
    private static async Task SubscribeAsync(ServiceProvider services, IReadOnlyList<SubscriptionRequest> requests, CancellationToken cancellationToken)
    {
        var subscriptions = services.GetRequiredService<SubscriptionService>();
        var store = services.GetRequiredService<ISubscriptionStore>();
        var links = services.GetRequiredService<SubscriptionLinks>();
        var root = new Uri("https://papers.example.org/");
        for (var i = 0; i < requests.Count; i++)
        {
            var result = await subscriptions.SubscribeAsync(requests[i], $"bench-client-{i}", root, accountId: null, accountEmail: null, cancellationToken);
            if (result.Outcome != SubscribeOutcome.Sent)
            {
                throw new InvalidOperationException($"bench: subscribing {requests[i].Email} gave {result.Outcome}: {result.Error}");
            }
            var subscriber = await store.FindSubscriberAsync(requests[i].Email!, cancellationToken)
                ?? throw new InvalidOperationException($"bench: {requests[i].Email} was not stored");
            var token = await links.TokenAsync(subscriber, SubscriptionLinkPurpose.Confirm, cancellationToken);
            if (await subscriptions.ConfirmAsync(token, cancellationToken) is null)
            {
                throw new InvalidOperationException($"bench: the confirmation link of {requests[i].Email} did not confirm");
            }
        }
    }
}

/// <summary>The subscribers' topics: mean categories, saved searches and authors each, and how many distinct saved searches a run runs.</summary>
internal sealed record Topics(double Categories, double Queries, double Authors, int DistinctQueries)
{
    public static Topics Of(IReadOnlyList<Subscriber> subscribers)
    {
        double Mean(TopicKind kind) => subscribers.Average(s => s.Settings.Topics.Count(t => t.Kind == kind));
        var distinct = subscribers.SelectMany(s => s.Settings.Topics).Where(t => t.Kind == TopicKind.Query).Select(t => t.Key).Distinct(StringComparer.Ordinal).Count();
        return new Topics(Mean(TopicKind.Category), Mean(TopicKind.Query), Mean(TopicKind.Author), distinct);
    }
}

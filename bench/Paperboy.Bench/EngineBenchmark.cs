using System.Diagnostics;
using Paperboy.Application.Searching;
using Paperboy.Ingest.Synthetic;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// Ours alone, for working on the engine: builds our index of the synthetic corpus into
/// <c>--index DIR</c> once (as <c>search</c> builds it) and reuses it on later runs, then times every
/// query kind on plain BM25F and the product's settings, each query <c>--repeat</c> times (the median
/// kept). No peer, so its figures are not the comparison: <c>search</c> is. For profiling one
/// path, <c>ENGINE_KINDS=TwoTermOr,ThreeTermOr</c> keeps only those kinds and <c>ENGINE_PLAIN=1</c>
/// leaves out the product's settings. <c>ENGINE_SPIN_MS=N</c> keeps this thread busy for N ms before
/// each timed search, as the side-by-side run's FTS5 queries do, and <c>ENGINE_SLEEP_MS=N</c> sleeps
/// instead, as a server between readers: the other cores go idle, and waking them is part of the time.
/// </summary>
internal static class EngineBenchmark
{
    public static async Task<EngineRun> RunAsync(BenchArguments arguments, ScratchDirectory scratch, TextWriter log, CancellationToken cancellationToken)
    {
        var directory = arguments.IndexPath ?? scratch.File("index");
        if (!File.Exists(Path.Combine(directory, "built")))
        {
            log.WriteLine($"bench: writing {arguments.Papers:N0} synthetic papers (seed {arguments.Seed})");
            var corpus = scratch.File("corpus.jsonl");
            SyntheticCorpus.WriteFile(corpus, arguments.Papers, arguments.Seed);
            log.WriteLine($"bench: building our index in {directory}");
            var (_, figures) = await PaperboyBuild.RunAsync(Documents(corpus, cancellationToken), directory, SearchBenchmark.Bm25Settings);
            log.WriteLine($"bench: built at {figures.DocsPerSecond:N0} docs/s, {figures.Segments} segments");
            File.Delete(corpus);
            await File.WriteAllTextAsync(Path.Combine(directory, "built"), $"{arguments.Papers} {arguments.Seed}\n", cancellationToken);
        }
        var bm25 = SearchIndex.Open(directory, SearchBenchmark.Bm25Settings);
        SearchIndex? defaults = Environment.GetEnvironmentVariable("ENGINE_PLAIN") == "1" ? null : bm25.WithSettings(SearchSettings.Default);
        var queries = SyntheticQueries.Create(arguments.Seed, arguments.QueriesPerKind);
        foreach (var query in queries.GroupBy(q => q.Kind).SelectMany(g => g.Take(30)))
        {
            KindMeasurement.Search(bm25, query);
            if (defaults is not null)
            {
                KindMeasurement.Search(defaults, query);
            }
        }
        var kinds = new List<EngineKind>();
        var only = Environment.GetEnvironmentVariable("ENGINE_KINDS");
        foreach (var group in queries.GroupBy(q => q.Kind).Where(g => only is null || only.Split(',').Contains(g.Key.ToString())))
        {
            var plain = new List<double>();
            var product = new List<double>();
            long matches = 0;
            foreach (var query in group)
            {
                plain.Add(Median(arguments.Repeat, () => matches += KindMeasurement.Search(bm25, query).TotalMatches));
                if (defaults is not null)
                {
                    product.Add(Median(arguments.Repeat, () => KindMeasurement.Search(defaults, query)));
                }
            }
            kinds.Add(new EngineKind(group.Key.ToString(), Latency.Of(plain), defaults is null ? null : Latency.Of(product), (double)matches / arguments.Repeat / group.Count()));
        }
        return new EngineRun(bm25.DocumentCount, bm25.SegmentCount, arguments.Repeat, kinds, LoadAverage.Read()?.ToString() ?? "unknown");
    }

    private static readonly int SpinMs = int.TryParse(Environment.GetEnvironmentVariable("ENGINE_SPIN_MS"), out var ms) ? ms : 0;
    private static readonly int SleepMs = int.TryParse(Environment.GetEnvironmentVariable("ENGINE_SLEEP_MS"), out var ms) ? ms : 0;

    private static double Median(int repeat, Action search)
    {
        var times = new double[repeat];
        for (var i = 0; i < repeat; i++)
        {
            Idle();
            var started = Stopwatch.GetTimestamp();
            search();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[repeat / 2];
    }

    // What happens between two searches: nothing, a busy thread, or a sleeping one.
    private static void Idle()
    {
        var busyUntil = Stopwatch.GetTimestamp() + SpinMs * Stopwatch.Frequency / 1000;
        while (Stopwatch.GetTimestamp() < busyUntil)
        {
            Thread.SpinWait(100);
        }
        if (SleepMs > 0)
        {
            Thread.Sleep(SleepMs);
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<SearchDocument>> Documents(string corpus,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in CorpusBatches.ReadAsync(corpus, int.MaxValue, cancellationToken))
        {
            yield return [.. batch.Select(PaperSearchService.ToDocument)];
        }
    }
}

/// <summary>One query kind on ours alone: plain BM25F and the product's settings, and the mean matches.</summary>
/// <param name="Defaults">Null when the product's settings were left out (<c>ENGINE_PLAIN=1</c>).</param>
internal sealed record EngineKind(string Kind, Latency Bm25, Latency? Defaults, double MeanMatches);

internal sealed record EngineRun(int Papers, int Segments, int Repeat, IReadOnlyList<EngineKind> Kinds, string LoadAverage);

using System.Diagnostics;
using Paperboy.Application.Searching;
using Paperboy.Core.Papers;
using Paperboy.Ingest.Kaggle;
using Paperboy.Ingest.Synthetic;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// Our persistent index against SQLite FTS5, side by side over the same papers and the same queries.
/// The corpus is written, then read back with the Kaggle reader for each build, in batches
/// (<see cref="CorpusBatches"/>): each build is timed only while it takes in a parsed batch, so JSON
/// parsing is in neither indexing rate. Ours is built on disk as
/// <c>paperboy reindex</c> builds it (<see cref="PaperboyBuild"/>), FTS5 with 1,000 rows a transaction
/// and an 'optimize'. Then every query runs once on ours with plain BM25F, ours with the product's
/// settings, and FTS5, single-threaded (<see cref="KindMeasurement"/>).
/// </summary>
internal static class SearchBenchmark
{
    private const int WarmupPerKind = 30;
    private const int WarmupPapers = 2_000;

    /// <summary>The ranking FTS5 and Xapian use: BM25(F) alone, no feedback, no proximity.</summary>
    public static readonly SearchSettings Bm25Settings = SearchSettings.Default with { FeedbackDocs = 0, ProximityWeight = 0 };

    public static async Task<SearchRun> RunAsync(BenchArguments arguments, ScratchDirectory scratch, TextWriter log, CancellationToken cancellationToken)
    {
        var environment = RunEnvironment.Capture(await RunEnvironment.SqliteVersionAsync(cancellationToken));
        log.WriteLine($"bench: writing {arguments.Papers:N0} synthetic papers (seed {arguments.Seed})");
        var corpus = scratch.File("corpus.jsonl");
        SyntheticCorpus.WriteFile(corpus, arguments.Papers, arguments.Seed);

        log.WriteLine($"bench: warming up both index builds on {Math.Min(WarmupPapers, arguments.Papers):N0} papers");
        await foreach (var warmupPapers in CorpusBatches.ReadAsync(corpus, WarmupPapers, cancellationToken))
        {
            IReadOnlyList<SearchDocument> warmupDocuments = [.. warmupPapers.Select(PaperSearchService.ToDocument)];
            await PaperboyBuild.RunAsync(new[] { warmupDocuments }.ToAsyncEnumerable(), scratch.File("warmup-index"), Bm25Settings);
            await using var warmup = await Fts5Peer.CreateAsync(scratch.File("warmup-fts.db"), cancellationToken);
            await warmup.InsertAsync(warmupPapers.Select(ToRow), cancellationToken);
            await warmup.OptimizeAsync(cancellationToken);
        }

        log.WriteLine($"bench: building our index (load average {LoadAverage.Read()})");
        var keys = new List<string>(arguments.Papers);
        var (bm25, ours) = await PaperboyBuild.RunAsync(Documents(corpus, keys, cancellationToken), scratch.File("index"), Bm25Settings);
        var afterOurs = LoadAverage.Read();

        log.WriteLine($"bench: building the FTS5 index (load average {afterOurs})");
        await using var peer = await Fts5Peer.CreateAsync(scratch.File("fts.db"), cancellationToken);
        var inserting = TimeSpan.Zero;
        await foreach (var batch in CorpusBatches.ReadAsync(corpus, int.MaxValue, cancellationToken))
        {
            var rows = batch.Select(ToRow).ToList();
            var started = Stopwatch.GetTimestamp();
            await peer.InsertAsync(rows, cancellationToken);
            inserting += Stopwatch.GetElapsedTime(started);
        }
        var inserted = inserting.TotalSeconds;
        var optimizing = Stopwatch.GetTimestamp();
        await peer.OptimizeAsync(cancellationToken);
        var optimized = Stopwatch.GetElapsedTime(optimizing).TotalSeconds;
        var afterFts5 = LoadAverage.Read();
        File.Delete(corpus); // both built; the disk space is the indexes' now
        var (indexBytes, docSizeBytes) = await peer.IndexBytesAsync(cancellationToken);
        var fts5 = new Fts5BuildFigures(inserted, keys.Count / inserted, optimized, keys.Count / (inserted + optimized),
            await peer.SizeBytesAsync(cancellationToken), indexBytes, docSizeBytes);

        var queries = SyntheticQueries.Create(arguments.Seed, arguments.QueriesPerKind);
        log.WriteLine($"bench: {queries.Count:N0} queries, warming up (load average {afterFts5})");
        using var searcher = peer.CreateSearcher();
        var engines = new Engines(bm25, bm25.WithSettings(SearchSettings.Default), searcher, [.. keys], log);
        foreach (var query in queries.GroupBy(q => q.Kind).SelectMany(g => g.Take(WarmupPerKind)))
        {
            KindMeasurement.Search(engines.Bm25, query);
            KindMeasurement.Search(engines.Defaults, query);
            searcher.Search(query, KindMeasurement.Limit);
            searcher.Count(query);
        }

        log.WriteLine("bench: measuring");
        var byKind = queries.GroupBy(q => q.Kind).ToDictionary(g => g.Key, g => g.ToList());
        var measured = byKind.Select(g => KindMeasurement.Run(g.Key.ToString(), g.Value, engines)).ToList();
        // The filtered ORs' own words without the filter: the paired measure of what the filter costs.
        var unfiltered = KindMeasurement.Run(UnfilteredKind, [.. byKind[SyntheticQueryKind.CategoryFilterOr].Select(WithoutFilter)], engines);
        measured.Add(unfiltered);
        measured.Add(KindMeasurement.Pool(PooledOrKind,
            measured.Single(m => m.Kind == nameof(SyntheticQueryKind.TwoTermOr)),
            measured.Single(m => m.Kind == nameof(SyntheticQueryKind.ThreeTermOr))));
        var afterQueries = LoadAverage.Read();

        var kinds = measured.Select(m => m.Figures()).ToList();
        var filtered = kinds.Single(k => k.Kind == nameof(SyntheticQueryKind.CategoryFilterOr));
        var plain = kinds.Single(k => k.Kind == UnfilteredKind);
        var filterCost = new FilterCost(
            filtered.Bm25.P50Ms / plain.Bm25.P50Ms, filtered.Bm25.P99Ms / plain.Bm25.P99Ms,
            filtered.Defaults.P50Ms / plain.Defaults.P50Ms, filtered.Defaults.P99Ms / plain.Defaults.P99Ms,
            filtered.Fts5.P50Ms / plain.Fts5.P50Ms, filtered.Fts5.P99Ms / plain.Fts5.P99Ms);
        return new SearchRun(environment, engines.Keys.Length, arguments.Seed, arguments.QueriesPerKind, KindMeasurement.Limit,
            ours, fts5, new PhaseLoads(afterOurs, afterFts5, afterQueries), kinds, filterCost);
    }

    public const string UnfilteredKind = "CategoryFilterOr without cat:";
    public const string PooledOrKind = "TwoTermOr + ThreeTermOr";

    private static SyntheticQuery WithoutFilter(SyntheticQuery query) =>
        new(query.Terms.Count == 2 ? SyntheticQueryKind.TwoTermOr : SyntheticQueryKind.ThreeTermOr, query.Terms);

    // Our documents, batch by batch, as PaperSearchService maps papers; each paper's id is kept in
    // corpus order, which is FTS5's rowid order.
    private static async IAsyncEnumerable<IReadOnlyList<SearchDocument>> Documents(string corpus, List<string> keys,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in CorpusBatches.ReadAsync(corpus, int.MaxValue, cancellationToken))
        {
            keys.AddRange(batch.Select(p => p.Id));
            yield return [.. batch.Select(PaperSearchService.ToDocument)];
        }
    }

    private static Fts5Row ToRow(Paper paper) =>
        new(paper.Title, paper.Abstract, string.Join(", ", paper.Authors), paper.Published?.Year, string.Join(' ', paper.Categories));
}

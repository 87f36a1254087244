using System.Diagnostics;
using Paperboy.Application.Searching;
using Paperboy.Core.Papers;
using Paperboy.Ingest.Kaggle;
using Paperboy.Ingest.Synthetic;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// Our persistent index against SQLite FTS5, side by side over the same papers and the same queries.
/// The corpus is written, then parsed once with the Kaggle reader; both builds read the same parsed
/// papers from memory, so JSON parsing is in neither indexing rate. Ours is built on disk as
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
        log.WriteLine($"bench: writing and reading {arguments.Papers:N0} synthetic papers (seed {arguments.Seed})");
        var papers = await ReadCorpusAsync(arguments, scratch, cancellationToken);
        var documents = papers.Select(PaperSearchService.ToDocument).ToList();
        var rows = papers.Select(ToRow).ToList();

        log.WriteLine($"bench: warming up both index builds on {Math.Min(WarmupPapers, papers.Count):N0} papers");
        PaperboyBuild.Run(documents.Take(WarmupPapers).ToList(), scratch.File("warmup-index"), Bm25Settings);
        await using (var warmup = await Fts5Peer.CreateAsync(scratch.File("warmup-fts.db"), cancellationToken))
        {
            await warmup.InsertAsync(rows.Take(WarmupPapers), cancellationToken);
            await warmup.OptimizeAsync(cancellationToken);
        }

        log.WriteLine($"bench: building our index (load average {LoadAverage.Read()})");
        var (bm25, ours) = PaperboyBuild.Run(documents, scratch.File("index"), Bm25Settings);
        var afterOurs = LoadAverage.Read();
        documents = null;

        log.WriteLine($"bench: building the FTS5 index (load average {afterOurs})");
        await using var peer = await Fts5Peer.CreateAsync(scratch.File("fts.db"), cancellationToken);
        var started = Stopwatch.GetTimestamp();
        await peer.InsertAsync(rows, cancellationToken);
        var inserted = Stopwatch.GetElapsedTime(started).TotalSeconds;
        started = Stopwatch.GetTimestamp();
        await peer.OptimizeAsync(cancellationToken);
        var optimized = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var afterFts5 = LoadAverage.Read();
        var (indexBytes, docSizeBytes) = await peer.IndexBytesAsync(cancellationToken);
        var fts5 = new Fts5BuildFigures(inserted, papers.Count / inserted, optimized, papers.Count / (inserted + optimized),
            await peer.SizeBytesAsync(cancellationToken), indexBytes, docSizeBytes);
        rows = null;

        var queries = SyntheticQueries.Create(arguments.Seed, arguments.QueriesPerKind);
        log.WriteLine($"bench: {queries.Count:N0} queries, warming up (load average {afterFts5})");
        using var searcher = peer.CreateSearcher();
        var engines = new Engines(bm25, bm25.WithSettings(SearchSettings.Default), searcher, [.. papers.Select(p => p.Id)], log);
        papers = null;
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

    private static async Task<List<Paper>> ReadCorpusAsync(BenchArguments arguments, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var corpus = scratch.File("corpus.jsonl");
        SyntheticCorpus.WriteFile(corpus, arguments.Papers, arguments.Seed);
        var papers = new List<Paper>(arguments.Papers);
        await using (var input = File.OpenRead(corpus))
        {
            await foreach (var record in new KaggleSnapshotReader().ReadAsync(input, corpus, cancellationToken))
            {
                papers.Add(record.Paper ?? throw new InvalidOperationException($"bench: synthetic record rejected: {record.Error}"));
            }
        }
        File.Delete(corpus); // parsed; the disk space is the indexes' now
        return papers;
    }

    private static Fts5Row ToRow(Paper paper) =>
        new(paper.Title, paper.Abstract, string.Join(", ", paper.Authors), paper.Published?.Year, string.Join(' ', paper.Categories));
}

using System.Diagnostics;
using Paperboy.Core.Papers;
using Paperboy.Ingest.Kaggle;
using Paperboy.Ingest.Synthetic;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// Index build and top-10 query latency, ours (the v1 in-memory index) against FTS5, over the same
/// papers and the same query set. Queries run on one thread; ours and the peer alternate query by
/// query, so a burst of load from other processes hits both alike.
/// </summary>
internal static class SearchBenchmark
{
    private const int Limit = 10;
    private const int WarmupPerKind = 30;
    private const int WarmupPapers = 2_000;

    public static async Task<SearchRun> RunAsync(BenchArguments arguments, ScratchDirectory scratch, TextWriter log, CancellationToken cancellationToken)
    {
        var environment = RunEnvironment.Capture(await RunEnvironment.SqliteVersionAsync(cancellationToken));
        log.WriteLine($"bench: writing and reading {arguments.Papers:N0} synthetic papers (seed {arguments.Seed})");
        var papers = await ReadCorpusAsync(arguments, scratch, cancellationToken);

        var documents = papers.Select(ToDocument).ToList();
        log.WriteLine($"bench: warming up both index builds on {Math.Min(WarmupPapers, papers.Count):N0} papers");
        await WarmUpBuildsAsync(papers.Take(WarmupPapers).ToList(), scratch, cancellationToken);

        log.WriteLine("bench: building Paperboy's index");
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.GetTimestamp();
        var builder = new IndexBuilder(SearchSettings.Default);
        foreach (var document in documents)
        {
            builder.Add(document);
        }
        var index = builder.Build();
        var oursBuild = Stopwatch.GetElapsedTime(started);
        builder = null;
        // The documents (and their text) were on the heap before and are counted there, not here.
        var oursHeap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(documents);

        log.WriteLine("bench: building the FTS5 index");
        await using var peer = await Fts5Peer.CreateAsync(scratch.File("fts.db"), cancellationToken);
        started = Stopwatch.GetTimestamp();
        await peer.InsertAsync(papers.Select(ToRow), cancellationToken);
        var peerBuild = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        await peer.OptimizeAsync(cancellationToken);
        var peerOptimize = Stopwatch.GetElapsedTime(started);
        var peerBytes = await peer.SizeBytesAsync(cancellationToken);
        var peerIndexBytes = await peer.IndexBytesAsync(cancellationToken);

        var build = new BuildFigures(
            oursBuild.TotalSeconds, papers.Count / oursBuild.TotalSeconds, oursHeap, (double)oursHeap / papers.Count,
            peerBuild.TotalSeconds, papers.Count / peerBuild.TotalSeconds, peerOptimize.TotalSeconds, peerBytes, (double)peerBytes / papers.Count,
            peerIndexBytes, peerIndexBytes / (double)papers.Count);

        var queries = SyntheticQueries.Create(arguments.Seed, arguments.QueriesPerKind);
        log.WriteLine($"bench: {queries.Count:N0} queries, warming up");
        using var searcher = peer.CreateSearcher();
        foreach (var query in queries.GroupBy(q => q.Kind).SelectMany(g => g.Take(WarmupPerKind)))
        {
            index.Search(query.Text, Limit, highlight: true);
            searcher.Search(query, Limit);
        }

        log.WriteLine("bench: measuring");
        var ids = papers.Select(p => p.Id).ToArray();
        var kinds = queries.GroupBy(q => q.Kind)
            .Select(group => MeasureKind(group.Key, group.ToList(), index, searcher, ids))
            .ToList();
        GC.KeepAlive(index);
        return new SearchRun(environment, papers.Count, arguments.Seed, arguments.QueriesPerKind, Limit, build, kinds);
    }

    private static KindFigures MeasureKind(SyntheticQueryKind kind, List<SyntheticQuery> queries, SearchIndex index, Fts5Peer.Searcher searcher, string[] ids)
    {
        var ours = new List<double>(queries.Count);
        var highlighted = new List<double>(queries.Count);
        var peer = new List<double>(queries.Count);
        double oursHits = 0, peerHits = 0, overlap = 0, oursMatches = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i];
            SearchResults? results = null;
            List<long>? rowids = null;
            // Alternate who goes first, so neither always runs on caches the other warmed.
            for (var turn = 0; turn < 2; turn++)
            {
                if ((turn == 0) == (i % 2 == 0))
                {
                    var started = Stopwatch.GetTimestamp();
                    results = index.Search(query.Text, Limit, highlight: false);
                    ours.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    var started = Stopwatch.GetTimestamp();
                    rowids = searcher.Search(query, Limit);
                    peer.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            var start = Stopwatch.GetTimestamp();
            index.Search(query.Text, Limit, highlight: true);
            highlighted.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            oursHits += results!.Hits.Count;
            oursMatches += results.TotalMatches;
            peerHits += rowids!.Count;
            var peerKeys = rowids.Select(r => ids[r]).ToHashSet(StringComparer.Ordinal);
            overlap += peerKeys.Count == 0 && results.Hits.Count == 0
                ? 1
                : (double)results.Hits.Count(h => peerKeys.Contains(h.Key)) / Math.Max(peerKeys.Count, results.Hits.Count);
        }
        var oursLatency = Latency.Of(ours);
        var peerLatency = Latency.Of(peer);
        return new KindFigures(kind, queries[0].Text, oursLatency, Latency.Of(highlighted), peerLatency,
            peerLatency.P50Ms / oursLatency.P50Ms, oursLatency.Qps / peerLatency.Qps,
            oursHits / queries.Count, peerHits / queries.Count, oursMatches / queries.Count, overlap / queries.Count);
    }

    // Both builds run once on a small slice first, so neither measured build pays for JIT compilation.
    private static async Task WarmUpBuildsAsync(List<Paper> papers, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var builder = new IndexBuilder(SearchSettings.Default);
        foreach (var paper in papers)
        {
            builder.Add(ToDocument(paper));
        }
        GC.KeepAlive(builder.Build());
        await using var peer = await Fts5Peer.CreateAsync(scratch.File("warmup-fts.db"), cancellationToken);
        await peer.InsertAsync(papers.Select(ToRow), cancellationToken);
    }

    private static async Task<List<Paper>> ReadCorpusAsync(BenchArguments arguments, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var corpus = scratch.File("corpus.jsonl");
        SyntheticCorpus.WriteFile(corpus, arguments.Papers, arguments.Seed);
        var papers = new List<Paper>(arguments.Papers);
        await using var input = File.OpenRead(corpus);
        await foreach (var record in new KaggleSnapshotReader().ReadAsync(input, corpus, cancellationToken))
        {
            papers.Add(record.Paper ?? throw new InvalidOperationException($"bench: synthetic record rejected: {record.Error}"));
        }
        return papers;
    }

    // The mapping PaperSearchService.ToDocument applies (internal there): the fields the index reads.
    private static SearchDocument ToDocument(Paper paper) =>
        new(paper.Id, paper.Title, paper.Abstract, paper.Authors, paper.Categories, paper.Published?.Year);

    private static Fts5Row ToRow(Paper paper) =>
        new(paper.Title, paper.Abstract, string.Join(", ", paper.Authors), paper.Published?.Year, string.Join(' ', paper.Categories));
}

internal sealed record SearchRun(
    RunEnvironment Environment,
    int Papers,
    int Seed,
    int QueriesPerKind,
    int TopK,
    BuildFigures Build,
    IReadOnlyList<KindFigures> Kinds);

/// <summary>Index build: time, rate and size. Ours is the managed heap the index adds over the documents it was built from.</summary>
internal sealed record BuildFigures(
    double PaperboySeconds,
    double PaperboyDocsPerSecond,
    long PaperboyHeapBytes,
    double PaperboyBytesPerDoc,
    double Fts5Seconds,
    double Fts5DocsPerSecond,
    double Fts5OptimizeSeconds,
    long Fts5DatabaseBytes,
    double Fts5BytesPerDoc,
    long Fts5IndexBytes,
    double Fts5IndexBytesPerDoc);

/// <summary>
/// One query kind. Ratios are ours over the peer's speed: above 1 we are faster. Overlap is the mean share
/// of top-10 keys both engines return (their rankings differ: BM25F per field against FTS5's bm25).
/// </summary>
internal sealed record KindFigures(
    SyntheticQueryKind Kind,
    string Example,
    Latency Paperboy,
    Latency PaperboyWithSnippets,
    Latency Fts5,
    double P50SpeedVsFts5,
    double QpsVsFts5,
    double PaperboyMeanHits,
    double Fts5MeanHits,
    double PaperboyMeanTotalMatches,
    double Top10Overlap);

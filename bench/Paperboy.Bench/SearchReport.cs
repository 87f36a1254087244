using System.Text;
using static Paperboy.Bench.Report;

namespace Paperboy.Bench;

/// <summary>A <c>search</c> run as the Markdown tables docs/PERFORMANCE.md records.</summary>
internal static class SearchReport
{
    public static string Table(SearchRun run)
    {
        var text = Header(run.Environment, $"search: {run.Papers:N0} papers, seed {run.Seed}, {run.QueriesPerKind} queries per kind, top {run.TopK}");
        text.AppendLine(Invariant($"load average (1, 5, 15 min) after our build: {run.Load.AfterOurBuild}; after FTS5's: {run.Load.AfterFts5Build}; after the queries: {run.Load.AfterQueries}"));
        text.AppendLine();
        Build(text, run);
        Sizes(text, run);
        Latencies(text, run);
        Checks(text, run);
        var f = run.FilterCost;
        text.AppendLine(Invariant(
            $"\nFilter cost, CategoryFilterOr over the same words without cat: (p50 / p99): ours BM25 {f.Bm25P50:F2}x / {f.Bm25P99:F2}x, ours default {f.DefaultsP50:F2}x / {f.DefaultsP99:F2}x, FTS5 {f.Fts5P50:F2}x / {f.Fts5P99:F2}x"));
        return text.ToString();
    }

    private static void Build(StringBuilder text, SearchRun run)
    {
        var (p, f) = (run.Paperboy, run.Fts5);
        text.AppendLine($"Index build, both from the same parsed papers, read in batches of {CorpusBatches.Size:N0} off the clock (JSON parsing in neither):");
        text.AppendLine();
        text.AppendLine("| index build | seconds | docs/s |");
        text.AppendLine("| --- | ---: | ---: |");
        text.AppendLine(Invariant($"| Paperboy: SearchIndexWriter add, commit, merge (segments: {p.Segments}) | {p.Seconds:F2} | {p.DocsPerSecond:N0} |"));
        text.AppendLine(Invariant($"| - add (a segment written every 50,000 documents) | {p.AddSeconds:F2} | |"));
        text.AppendLine(Invariant($"| - commit (the last segment, meta file) | {p.CommitSeconds:F2} | |"));
        text.AppendLine(Invariant($"| - merge (MergeNow) | {p.MergeSeconds:F2} | |"));
        text.AppendLine(Invariant($"| FTS5: inserts, 1,000 rows a transaction | {f.InsertSeconds:F2} | {f.InsertDocsPerSecond:N0} |"));
        text.AppendLine(Invariant($"| FTS5: 'optimize' | {f.OptimizeSeconds:F2} | |"));
        text.AppendLine(Invariant($"| FTS5: inserts + 'optimize' | {f.InsertSeconds + f.OptimizeSeconds:F2} | {f.DocsPerSecondWithOptimize:N0} |"));
        text.AppendLine(Invariant($"| Paperboy: open the committed index (reads the .pbi files) | {p.OpenSeconds:F2} | |"));
        text.AppendLine(Invariant($"\nPaperboy / FTS5 indexing rate: {run.SpeedVsFts5:F2}x against inserts + 'optimize', {run.SpeedVsFts5Inserts:F2}x against inserts alone"));
        text.AppendLine();
    }

    private static void Sizes(StringBuilder text, SearchRun run)
    {
        var (p, f) = (run.Paperboy, run.Fts5);
        text.AppendLine("| size | total | bytes/paper |");
        text.AppendLine("| --- | ---: | ---: |");
        Size(text, run, "Paperboy inverted index with positions (term dictionaries, postings, positions; in the .pbi files)", p.InvertedIndexBytes);
        Size(text, run, "Paperboy .pbi files (the above + field lengths, years, dates, upvotes, categories, keys)", p.IndexFileBytes);
        Size(text, run, "Paperboy .pbd files (stored documents)", p.DocumentFileBytes);
        Size(text, run, "Paperboy index directory, every file", p.AllFileBytes);
        Size(text, run, "FTS5 inverted index with positions (fts_data blocks + fts_idx terms, payload)", f.IndexBytes);
        Size(text, run, "FTS5 token counts (fts_docsize payload)", f.DocSizeBytes);
        Size(text, run, "FTS5 database file (with the text in fts_content)", f.DatabaseBytes);
        text.AppendLine();
    }

    private static void Size(StringBuilder text, SearchRun run, string what, long bytes) =>
        text.AppendLine(Invariant($"| {what} | {Mb(bytes)} | {(double)bytes / run.Papers:N0} |"));

    private static void Latencies(StringBuilder text, SearchRun run)
    {
        text.AppendLine("| query kind | ours BM25 p50 / p90 / p99 ms | ours default p50 / p90 / p99 ms | FTS5 p50 / p90 / p99 ms |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var k in run.Kinds)
        {
            text.AppendLine(Invariant($"| {k.Kind} `{k.Example}` | {Ms(k.Bm25)} | {Ms(k.Defaults)} | {Ms(k.Fts5)} |"));
        }
        text.AppendLine("\nours BM25: FeedbackDocs = 0, ProximityWeight = 0; ours default: the product's settings (RM3 feedback, proximity).");
        text.AppendLine();
    }

    private static void Checks(StringBuilder text, SearchRun run)
    {
        text.AppendLine(Invariant($"| query kind | BM25 speed vs FTS5 p50 / p99 | default speed vs FTS5 p50 / p99 | mean matches ours / FTS5 | queries with other counts | totals reported as at least {Paperboy.Search.SearchRequest.DefaultExactTotalUpTo:N0} | top 10 returned ours / FTS5 | top-10 overlap |"));
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var k in run.Kinds)
        {
            text.AppendLine(Invariant(
                $"| {k.Kind} | {k.Bm25P50SpeedVsFts5:F2}x / {k.Bm25P99SpeedVsFts5:F2}x | {k.DefaultsP50SpeedVsFts5:F2}x / {k.DefaultsP99SpeedVsFts5:F2}x | {k.OurMeanMatches:N0} / {k.Fts5MeanMatches:N0} | {k.CountsDiffer} of {k.Bm25.Queries} | {k.LowerBounds} of {k.Bm25.Queries} | {k.OurMeanHits:F1} / {k.Fts5MeanHits:F1} | {k.Top10Overlap:P0} |"));
        }
        text.AppendLine("\nSpeed ratios are FTS5's time over ours: above 1x Paperboy is faster.");
    }

    private static string Ms(Latency l) => Invariant($"{l.P50Ms:F3} / {l.P90Ms:F3} / {l.P99Ms:F3}");
}

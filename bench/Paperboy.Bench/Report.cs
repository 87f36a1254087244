using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Paperboy.Bench;

/// <summary>A run's figures as a plain-text table (for people and docs/PERFORMANCE.md) or as JSON.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Json(object run) => JsonSerializer.Serialize(run, run.GetType(), JsonOptions) + "\n";

    public static string Table(object run) => run switch
    {
        ImportRun import => ImportTable(import),
        SearchRun search => SearchTable(search),
        _ => throw new ArgumentException($"bench: no table for {run.GetType().Name}", nameof(run)),
    };

    private static string ImportTable(ImportRun run)
    {
        var text = Header(run.Environment, $"import: {run.Papers:N0} papers, seed {run.Seed}, corpus {Mb(run.CorpusBytes)}");
        text.AppendLine("| engine | seconds | papers/s |");
        text.AppendLine("| --- | ---: | ---: |");
        text.AppendLine(Invariant($"| Paperboy (ImportService -> SqlitePaperStore) | {run.PaperboySeconds:F2} | {run.PaperboyPapersPerSecond:N0} |"));
        text.AppendLine(Invariant($"| SQLite FTS5 (porter, 1,000 rows/txn) | {run.Fts5Seconds:F2} | {run.Fts5PapersPerSecond:N0} |"));
        text.AppendLine(Invariant($"\nPaperboy / FTS5 throughput: {run.SpeedVsFts5:F2}x"));
        return text.ToString();
    }

    private static string SearchTable(SearchRun run)
    {
        var b = run.Build;
        var text = Header(run.Environment, $"search: {run.Papers:N0} papers, seed {run.Seed}, {run.QueriesPerKind} queries per kind, top {run.TopK}");
        text.AppendLine("| index build | seconds | docs/s | size | bytes/doc |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        text.AppendLine(Invariant($"| Paperboy (in-memory, GC heap delta) | {b.PaperboySeconds:F2} | {b.PaperboyDocsPerSecond:N0} | {Mb(b.PaperboyHeapBytes)} | {b.PaperboyBytesPerDoc:N0} |"));
        text.AppendLine(Invariant($"| FTS5 (inserts; file size incl. text) | {b.Fts5Seconds:F2} | {b.Fts5DocsPerSecond:N0} | {Mb(b.Fts5DatabaseBytes)} | {b.Fts5BytesPerDoc:N0} |"));
        text.AppendLine(Invariant($"| FTS5 index alone (fts_data + fts_docsize payload, no text) | | | {Mb(b.Fts5IndexBytes)} | {b.Fts5IndexBytesPerDoc:N0} |"));
        text.AppendLine(Invariant($"| FTS5 'optimize' after the inserts | {b.Fts5OptimizeSeconds:F2} | | | |"));
        text.AppendLine();
        text.AppendLine("| query kind | ours p50 / p90 / p99 ms | ours QPS | FTS5 p50 / p90 / p99 ms | FTS5 QPS | p50 speed vs FTS5 | QPS vs FTS5 | ours + snippets p50 ms | hits ours / FTS5 | mean matches | top-10 overlap |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var k in run.Kinds)
        {
            text.AppendLine(Invariant(
                $"| {k.Kind} `{k.Example}` | {Ms(k.Paperboy)} | {k.Paperboy.Qps:N0} | {Ms(k.Fts5)} | {k.Fts5.Qps:N0} | {k.P50SpeedVsFts5:F2}x | {k.QpsVsFts5:F2}x | {k.PaperboyWithSnippets.P50Ms:F3} | {k.PaperboyMeanHits:F1} / {k.Fts5MeanHits:F1} | {k.PaperboyMeanTotalMatches:N0} | {k.Top10Overlap:P0} |"));
        }
        text.AppendLine("\nSpeed ratios are ours over FTS5's: above 1x Paperboy is faster.");
        return text.ToString();
    }

    private static StringBuilder Header(RunEnvironment e, string title) => new StringBuilder()
        .AppendLine(title)
        .AppendLine(Invariant($"{e.Date}; {e.Cores} cores, {e.MemoryBytes / (1L << 30)} GiB; {e.Os}; {e.Runtime}; SQLite {e.SqliteVersion}"))
        .AppendLine();

    private static string Ms(Latency l) => Invariant($"{l.P50Ms:F3} / {l.P90Ms:F3} / {l.P99Ms:F3}");

    private static string Mb(long bytes) => Invariant($"{bytes / 1048576.0:N1} MiB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

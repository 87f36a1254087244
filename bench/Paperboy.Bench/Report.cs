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
        SearchRun search => SearchReport.Table(search),
        DigestRun digest => DigestReport.Table(digest),
        VectorRun vectors => VectorReport.Table(vectors),
        WordVectorsRun embed => WordVectorsReport.Table(embed),
        TransformerRun transformer => TransformerReport.Table(transformer),
        EngineRun engine => EngineTable(engine),
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

    private static string EngineTable(EngineRun run)
    {
        var text = new StringBuilder(Invariant($"engine: ours alone, {run.Papers:N0} papers in {run.Segments} segments, median of {run.Repeat} runs a query; load average {run.LoadAverage}\n\n"));
        text.AppendLine("| query kind | BM25 p50 / p90 / p99 ms | default p50 / p90 / p99 ms | mean total reported |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var k in run.Kinds)
        {
            var defaults = k.Defaults is { } d ? Invariant($"{d.P50Ms:F3} / {d.P90Ms:F3} / {d.P99Ms:F3}") : "not run";
            text.AppendLine(Invariant($"| {k.Kind} | {k.Bm25.P50Ms:F3} / {k.Bm25.P90Ms:F3} / {k.Bm25.P99Ms:F3} | {defaults} | {k.MeanMatches:N0} |"));
        }
        return text.ToString();
    }

    internal static StringBuilder Header(RunEnvironment e, string title) => new StringBuilder()
        .AppendLine(title)
        .AppendLine(Invariant($"{e.Date}; {e.Cores} cores, {e.MemoryBytes / (1L << 30)} GiB; {e.Os}; {e.Runtime}; SQLite {e.SqliteVersion}"))
        .AppendLine();

    internal static string Mb(long bytes) => Invariant($"{bytes / 1048576.0:N1} MiB");

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

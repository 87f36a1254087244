namespace Paperboy.Bench;

/// <summary>The figures of one <c>search</c> run, for the table and the JSON.</summary>
internal sealed record SearchRun(
    RunEnvironment Environment,
    int Papers,
    int Seed,
    int QueriesPerKind,
    int TopK,
    PaperboyBuildFigures Paperboy,
    Fts5BuildFigures Fts5,
    PhaseLoads Load,
    IReadOnlyList<KindFigures> Kinds,
    FilterCost FilterCost)
{
    /// <summary>Our rate over FTS5's with its 'optimize' (ours includes its merge).</summary>
    public double SpeedVsFts5 => Paperboy.DocsPerSecond / Fts5.DocsPerSecondWithOptimize;

    /// <summary>Our rate over FTS5's inserts alone.</summary>
    public double SpeedVsFts5Inserts => Paperboy.DocsPerSecond / Fts5.InsertDocsPerSecond;
}

/// <summary>
/// FTS5's build and sizes. <see cref="IndexBytes"/>: fts_data blocks and fts_idx terms, payload bytes
/// (no page overhead); <see cref="DocSizeBytes"/>: fts_docsize; <see cref="DatabaseBytes"/>: the whole
/// file (page count x page size), with the copy of the text in fts_content.
/// </summary>
internal sealed record Fts5BuildFigures(
    double InsertSeconds,
    double InsertDocsPerSecond,
    double OptimizeSeconds,
    double DocsPerSecondWithOptimize,
    long DatabaseBytes,
    long IndexBytes,
    long DocSizeBytes);

/// <summary>The load average when each phase ended: our build, FTS5's build, the queries.</summary>
internal sealed record PhaseLoads(LoadAverage? AfterOurBuild, LoadAverage? AfterFts5Build, LoadAverage? AfterQueries);

/// <summary>
/// The filtered ORs' latency over the same words' without the filter (above 1: the filter costs time),
/// per engine, at the median and the 99th percentile.
/// </summary>
internal sealed record FilterCost(double Bm25P50, double Bm25P99, double DefaultsP50, double DefaultsP99, double Fts5P50, double Fts5P99);

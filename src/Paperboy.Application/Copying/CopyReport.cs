using Paperboy.Storage;

namespace Paperboy.Application.Copying;

/// <summary>
/// What a copy did and whether it verified: <see cref="Written"/> counts the papers the target lacked or
/// held differently (zero on a repeated copy), <see cref="Removed"/> the target's papers the source lacks,
/// <see cref="Tables"/> the rows written to each account-side table (all of the source's, every time).
/// </summary>
public sealed record CopyReport(
    string Source,
    string Target,
    long Papers,
    long Written,
    int Removed,
    int SyncRuns,
    int Checkpoints,
    IReadOnlyList<TableCount> Tables,
    StoreCensus SourceCensus,
    StoreCensus TargetCensus,
    TimeSpan Elapsed)
{
    /// <summary>What differs between source and target after the copy; empty when it verified.</summary>
    public IReadOnlyList<string> Differences => SourceCensus.Differences(TargetCensus);

    public bool Verified => Differences.Count == 0;
}

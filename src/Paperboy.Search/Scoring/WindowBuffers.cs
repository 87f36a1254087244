namespace Paperboy.Search.Scoring;

/// <summary>
/// The arrays a window of MaxScore needs, kept per thread and reused by every segment and search the
/// thread scores: per clause a window of scores and of match bits, the window's candidates, and a
/// word's pseudo-frequency sums. A pruned search of a large index has a bulk scorer per segment, and
/// allocating them afresh cost a three-word query over twelve segments about a megabyte of zeroed
/// memory (and the cache lines it displaced) each time. A thread scores one segment at a time, so one
/// set a thread is enough.
/// </summary>
internal sealed class WindowBuffers
{
    // A thread keeps buffers for this many clauses at most (about 1 MB): a query of hundreds of words
    // gets its own, which go with it, so no pool thread holds megabytes for one odd query.
    private const int MaxKeptClauses = 64;

    [ThreadStatic]
    private static WindowBuffers? t_buffers;

    // A word's pseudo-frequency sums over a window (TextScorer.ScoreWindow): all zero between uses,
    // since every slot added to is a match and is reset when read.
    [ThreadStatic]
    private static double[]? t_frequencies;

    private WindowBuffers(int window)
    {
        Window = window;
    }

    public int Window { get; }
    public double[][] Scores { get; private set; } = [];
    public ulong[][] Matches { get; private set; } = [];
    public ulong[] Candidates { get; private set; } = [];

    /// <summary>This thread's buffers, for at least <paramref name="clauses"/> clauses and windows of <paramref name="window"/> documents.</summary>
    public static WindowBuffers ForThisThread(int clauses, int window)
    {
        if (clauses > MaxKeptClauses)
        {
            return Grown(new WindowBuffers(window) { Candidates = new ulong[window / 64] }, clauses);
        }
        var buffers = t_buffers;
        if (buffers is null || buffers.Window != window)
        {
            t_buffers = buffers = new WindowBuffers(window) { Candidates = new ulong[window / 64] };
        }
        return buffers.Scores.Length >= clauses ? buffers : Grown(buffers, Math.Min(MaxKeptClauses, Math.Max(clauses, buffers.Scores.Length * 2)));
    }

    /// <summary>This thread's zeroed array of at least <paramref name="length"/> pseudo-frequency sums; the user leaves it zeroed.</summary>
    public static double[] Frequencies(int length) =>
        t_frequencies is { } buffer && buffer.Length >= length ? buffer : t_frequencies = new double[length];

    private static WindowBuffers Grown(WindowBuffers buffers, int clauses)
    {
        var window = buffers.Window;
        buffers.Scores = [.. buffers.Scores, .. Enumerable.Range(0, clauses - buffers.Scores.Length).Select(_ => new double[window])];
        buffers.Matches = [.. buffers.Matches, .. Enumerable.Range(0, clauses - buffers.Matches.Length).Select(_ => new ulong[window / 64])];
        return buffers;
    }
}

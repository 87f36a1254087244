namespace Paperboy.Cli.Commands;

/// <summary>
/// What `paperboy bench` measured, as its --json prints it: per-query latency percentiles in
/// milliseconds and throughput, each rounded to 3 decimals.
/// </summary>
public sealed record BenchReport(int Queries, double P50Ms, double P90Ms, double P99Ms, double Qps)
{
    /// <summary>
    /// Percentiles by nearest rank: the smallest time with at least p of the queries at or below it
    /// (rank ceil(p * n), 1-based), so every figure is a time some query took, never an interpolation.
    /// Throughput is the queries over the wall time of the whole timed run.
    /// </summary>
    public static BenchReport From(IReadOnlyList<double> milliseconds, TimeSpan wallTime)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        ArgumentOutOfRangeException.ThrowIfZero(milliseconds.Count);
        var sorted = milliseconds.Order().ToArray();
        return new BenchReport(
            sorted.Length,
            Round(NearestRank(sorted, 50)),
            Round(NearestRank(sorted, 90)),
            Round(NearestRank(sorted, 99)),
            Round(sorted.Length / Math.Max(wallTime.TotalSeconds, 1e-9)));
    }

    // ceil(percent * n / 100) in whole numbers, exact for any n (in doubles 0.29 * 100 is 28.999999999999996).
    private static double NearestRank(double[] sorted, int percent) =>
        sorted[(int)Math.Max(1, ((long)percent * sorted.Length + 99) / 100) - 1];

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}

namespace Paperboy.Bench;

/// <summary>Per-query wall times of one engine on one kind of query, summarised.</summary>
internal sealed record Latency(int Queries, double P50Ms, double P90Ms, double P99Ms, double MeanMs, double Qps)
{
    public static Latency Of(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        var total = sorted.Sum();
        return new Latency(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99),
            total / sorted.Length, sorted.Length / (total / 1000));
    }

    // Nearest rank (the smallest value with at least p of the samples at or below it).
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

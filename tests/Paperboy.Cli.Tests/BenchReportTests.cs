using Paperboy.Cli.Commands;

namespace Paperboy.Cli.Tests;

public sealed class BenchReportTests
{
    [Fact]
    public void Percentiles_are_the_nearest_rank_of_the_sorted_times()
    {
        // 1..100 ms, shuffled: rank ceil(p * 100) is the value p * 100 itself.
        var times = Enumerable.Range(1, 100).Select(i => (double)i).OrderBy(i => (i * 37) % 101).ToList();

        var report = BenchReport.From(times, TimeSpan.FromSeconds(5.05));

        Assert.Equal(new BenchReport(100, 50, 90, 99, 19.802), report);
    }

    [Theory]
    [InlineData(new[] { 7.0 }, 7.0, 7.0, 7.0)]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0, 3.0, 3.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0 }, 6.0, 10.0, 11.0)]
    public void Small_samples_take_the_value_at_rank_ceil_p_times_n(double[] times, double p50, double p90, double p99)
    {
        var report = BenchReport.From(times, TimeSpan.FromSeconds(1));

        Assert.Equal((p50, p90, p99), (report.P50Ms, report.P90Ms, report.P99Ms));
        Assert.Equal(times.Length, report.Qps);
    }

    [Fact]
    public void Figures_are_rounded_to_three_decimals()
    {
        var report = BenchReport.From([0.12345, 0.98765], TimeSpan.FromTicks(11_111));

        Assert.Equal(0.123, report.P50Ms);
        Assert.Equal(0.988, report.P99Ms);
        Assert.Equal(1800.018, report.Qps);
    }
}

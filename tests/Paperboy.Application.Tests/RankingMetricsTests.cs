using Paperboy.Application.Evaluation;

namespace Paperboy.Application.Tests;

public sealed class RankingMetricsTests
{
    private static readonly Dictionary<string, int> Gains = new() { ["a"] = 3, ["b"] = 1, ["c"] = 0 };

    [Fact]
    public void Reciprocal_rank_is_one_over_the_rank_of_the_first_relevant_result()
    {
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank(["x", "c", "b", "a"], Gains, 10), 10);
        Assert.Equal(0, RankingMetrics.ReciprocalRank(["x", "c", "b"], Gains, 2));
    }

    [Fact]
    public void Ndcg_uses_linear_gains_and_log2_discounts_against_the_ideal_order()
    {
        // DCG = 1/log2(2) + 3/log2(3); ideal = 3/log2(2) + 1/log2(3).
        double expected = (1 + (3 / Math.Log2(3))) / (3 + (1 / Math.Log2(3)));

        Assert.Equal(expected, RankingMetrics.Ndcg(["b", "a"], Gains, 10), 10);
        Assert.Equal(1.0, RankingMetrics.Ndcg(["a", "b", "c"], Gains, 10), 10);
    }

    [Fact]
    public void Recall_counts_distinct_relevant_results_within_the_cutoff()
    {
        Assert.Equal(0.5, RankingMetrics.Recall(["a", "a", "x"], Gains, 10), 10);
        Assert.Equal(0.5, RankingMetrics.Recall(["x", "b", "a"], Gains, 2), 10);
    }

    [Fact]
    public void Average_precision_averages_precision_at_each_relevant_hit_over_all_relevant()
    {
        // Relevant hits at ranks 2 and 4: (1/2 + 2/4) / 2.
        Assert.Equal(0.5, RankingMetrics.AveragePrecision(["x", "a", "c", "b"], Gains), 10);
        Assert.Equal(0.25, RankingMetrics.AveragePrecision(["x", "a"], Gains), 10);
    }

    [Fact]
    public void A_query_without_relevant_documents_scores_zero_everywhere()
    {
        var none = new Dictionary<string, int> { ["a"] = 0 };

        Assert.Equal(0, RankingMetrics.Ndcg(["a"], none, 10));
        Assert.Equal(0, RankingMetrics.Recall(["a"], none, 10));
        Assert.Equal(0, RankingMetrics.AveragePrecision(["a"], none));
    }
}

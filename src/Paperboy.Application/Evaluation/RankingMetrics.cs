namespace Paperboy.Application.Evaluation;

/// <summary>
/// Standard ranking measures over one query's ranked result ids and its graded judgments
/// (gain 0 = not relevant). nDCG uses linear gains and log2 discounts, as trec_eval does.
/// </summary>
public static class RankingMetrics
{
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> gains, int cutoff)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        for (int i = 0; i < Math.Min(cutoff, ranked.Count); i++)
        {
            if (Gain(gains, ranked[i]) > 0)
            {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> gains, int cutoff)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(gains);
        double dcg = 0;
        for (int i = 0; i < Math.Min(cutoff, ranked.Count); i++)
        {
            dcg += Gain(gains, ranked[i]) / Math.Log2(i + 2);
        }
        var ideal = gains.Values.Where(g => g > 0).OrderDescending().Take(cutoff).ToList();
        double idcg = ideal.Select((g, i) => g / Math.Log2(i + 2)).Sum();
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double Recall(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> gains, int cutoff)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(gains);
        int relevant = gains.Values.Count(g => g > 0);
        if (relevant == 0)
        {
            return 0;
        }
        int found = ranked.Take(cutoff).Distinct(StringComparer.Ordinal).Count(id => Gain(gains, id) > 0);
        return (double)found / relevant;
    }

    /// <summary>Average precision over the whole ranked list: the mean of precision at each relevant hit, over all relevant.</summary>
    public static double AveragePrecision(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> gains)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(gains);
        int relevant = gains.Values.Count(g => g > 0);
        if (relevant == 0)
        {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < ranked.Count; i++)
        {
            if (Gain(gains, ranked[i]) > 0)
            {
                hits++;
                sum += (double)hits / (i + 1);
            }
        }
        return sum / relevant;
    }

    private static int Gain(IReadOnlyDictionary<string, int> gains, string id) => gains.TryGetValue(id, out int g) ? g : 0;
}

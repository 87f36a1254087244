namespace Paperboy.Application.Semantic;

/// <summary>One paper of a fused ranking, with its rank (1-based) in each list it came from.</summary>
public sealed record FusedRank(string Key, double Score, int? KeywordRank, int? SemanticRank);

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a paper scores weight / (k + rank) in
/// each list it appears in. Ranks, not scores, are fused, because BM25F and cosine scores live on
/// scales that do not compare; a paper high in both lists beats one high in only one.
/// </summary>
public static class RankFusion
{
    public static IReadOnlyList<FusedRank> Fuse(IReadOnlyList<string> keyword, IReadOnlyList<string> semantic, HybridSettings settings)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(semantic);
        ArgumentNullException.ThrowIfNull(settings);
        var byKey = new Dictionary<string, (int? Keyword, int? Semantic)>(StringComparer.Ordinal);
        for (int i = 0; i < keyword.Count; i++)
        {
            byKey.TryAdd(keyword[i], (i + 1, null));
        }
        for (int i = 0; i < semantic.Count; i++)
        {
            var ranks = byKey.GetValueOrDefault(semantic[i]);
            if (ranks.Semantic is null)
            {
                byKey[semantic[i]] = (ranks.Keyword, i + 1);
            }
        }
        return byKey
            .Select(pair => new FusedRank(
                pair.Key,
                Contribution(pair.Value.Keyword, 1, settings.K) + Contribution(pair.Value.Semantic, settings.SemanticWeight, settings.K),
                pair.Value.Keyword,
                pair.Value.Semantic))
            // Ties (equal ranks mirrored across the lists) go to the keyword list's order, then the key: stable output.
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.KeywordRank ?? int.MaxValue)
            .ThenBy(f => f.SemanticRank ?? int.MaxValue)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static double Contribution(int? rank, double weight, double k) => rank is { } r ? weight / (k + r) : 0;
}

namespace Paperboy.Ingest.Synthetic;

/// <summary>
/// A deterministic query set over the vocabulary of the corpus written with the same seed. Terms are
/// content words drawn log-uniformly by rank below <see cref="SyntheticVocabulary.TopicalRanks"/>, so
/// a set mixes very common words (long postings) with rarer ones, as query logs do; phrases are the
/// corpus's recurring phrases, drawn by the same Zipf law the corpus uses; filters use real categories
/// weighted by their share and year ranges inside the corpus's years.
/// </summary>
public static class SyntheticQueries
{
    /// <summary><paramref name="perKind"/> queries of every <see cref="SyntheticQueryKind"/>, grouped by kind.</summary>
    public static IReadOnlyList<SyntheticQuery> Create(int seed, int perKind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perKind);
        var vocabulary = SyntheticVocabulary.Create(seed);
        var random = new SyntheticRandom(seed, stream: 3);
        var queries = new List<SyntheticQuery>(perKind * Enum.GetValues<SyntheticQueryKind>().Length);
        foreach (var kind in Enum.GetValues<SyntheticQueryKind>())
        {
            for (var i = 0; i < perKind; i++)
            {
                queries.Add(Make(kind, vocabulary, random));
            }
        }
        return queries;
    }

    private static SyntheticQuery Make(SyntheticQueryKind kind, SyntheticVocabulary vocabulary, SyntheticRandom random) => kind switch
    {
        SyntheticQueryKind.OneTerm => new(kind, Terms(vocabulary, random, 1)),
        SyntheticQueryKind.TwoTermOr => new(kind, Terms(vocabulary, random, 2)),
        SyntheticQueryKind.ThreeTermOr => new(kind, Terms(vocabulary, random, 3)),
        SyntheticQueryKind.TwoTermAnd => new(kind, Terms(vocabulary, random, 2)),
        SyntheticQueryKind.Phrase => new(kind, vocabulary.Phrases[vocabulary.PhraseSampler.Sample(random)]),
        SyntheticQueryKind.CategoryFilter => new(kind, Terms(vocabulary, random, 1),
            Category: SyntheticWords.Categories[random.Weighted(vocabulary.CategoryWeights)].Category),
        SyntheticQueryKind.YearFilter => YearFiltered(vocabulary, random),
        SyntheticQueryKind.CategoryFilterOr => new(kind, Terms(vocabulary, random, random.Between(2, 3)),
            Category: SyntheticWords.Categories[random.Weighted(vocabulary.CategoryWeights)].Category),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "synthetic queries: unknown kind"),
    };

    private static SyntheticQuery YearFiltered(SyntheticVocabulary vocabulary, SyntheticRandom random)
    {
        var from = random.Between(SyntheticCorpus.FirstYear, SyntheticCorpus.LastYear);
        var to = Math.Min(SyntheticCorpus.LastYear, from + random.Between(0, 2));
        return new SyntheticQuery(SyntheticQueryKind.YearFilter, Terms(vocabulary, random, 1), YearFrom: from, YearTo: to);
    }

    private static string[] Terms(SyntheticVocabulary vocabulary, SyntheticRandom random, int count)
    {
        var terms = new List<string>(count);
        while (terms.Count < count)
        {
            var term = vocabulary.Words[random.LogUniform(SyntheticVocabulary.ContentStart, SyntheticVocabulary.TopicalRanks)];
            if (!terms.Contains(term))
            {
                terms.Add(term);
            }
        }
        return [.. terms];
    }
}

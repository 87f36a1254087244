using Paperboy.Search.Scoring;
using static Paperboy.Search.Tests.Docs;

namespace Paperboy.Search.Tests.Scoring;

public class ProximityTests
{
    // Feedback off: these tests check the proximity score of the first pass.
    private static readonly SearchSettings WithProximity = SearchSettings.Default with { ProximityWeight = 1, ProximityWindow = 5, FeedbackDocs = 0 };
    private static readonly SearchSettings WithoutProximity = SearchSettings.Default with { ProximityWeight = 0, FeedbackDocs = 0 };

    [Fact]
    public void Pair_weight_adds_one_over_distance_squared_for_pairs_inside_the_window()
    {
        // (0,1) d 1 -> 1; (0,3) d 3 -> 1/9; (10,14) d 4 -> 1/16; (3,10) d 7 and (0,14) are outside.
        int[] first = [0, 10];
        int[] second = [1, 3, 14];
        Assert.Equal(1 + (1.0 / 9) + (1.0 / 16), Proximity.PairWeight(first, second, 5), 1e-12);
        Assert.Equal(1 + (1.0 / 9), Proximity.PairWeight(first, second, 3), 1e-12);
    }

    [Fact]
    public void Pair_weight_is_symmetric_in_order_and_zero_when_apart()
    {
        Assert.Equal(1.0, Proximity.PairWeight([4], [3], 5), 1e-12);
        Assert.Equal(0.0, Proximity.PairWeight([0], [6], 5));
        Assert.Equal(0.0, Proximity.PairWeight([], [1, 2], 5));
    }

    [Fact]
    public void Fast_pair_weight_agrees_with_the_plain_version_on_random_positions()
    {
        var random = new Random(7);
        for (var run = 0; run < 2000; run++)
        {
            var positions = Enumerable.Range(0, random.Next(0, 80)).OrderBy(_ => random.Next()).ToArray();
            var split = random.Next(positions.Length + 1);
            var first = positions[..split].Order().ToArray();
            var second = positions[split..].Order().ToArray();
            var window = random.Next(1, 12);
            Assert.Equal(Proximity.PairWeightPlain(first, second, window), Proximity.PairWeight(first, second, window), 1e-12);
        }
    }

    [Fact]
    public void Search_adds_the_hand_computed_proximity_score_for_adjacent_query_words()
    {
        // N = 2. A word's df is its most frequent field's: heat is in both titles (df 2, idf ln 1.2),
        // transfer in one title and one abstract (df 1, idf ln 2). Title lengths 2 and 2 (avg 2);
        // abstract lengths 1 ("solid") and 2 ("transfer rate"), avg 1.5.
        // d1: heat and transfer in the title, tf~ = 2.5 / 1 each -> (ln 1.2 + ln 2) * 2.5 / 3.7;
        //     the pair stands at distance 1 in the title: acc~ = 2.5 * 1 / 1, boost 1 * min idf = ln 1.2,
        //     so proximity adds ln 1.2 * 2.5 / 3.7. Total (2 ln 1.2 + ln 2) * 2.5 / 3.7 = 0.714723172.
        // d2: heat in the title (ln 1.2 * 2.5 / 3.7), transfer in the abstract:
        //     tf~ = 1 / (0.25 + 0.75 * 2 / 1.5) = 0.8 -> ln 2 * 0.8 / 2.0. Different fields: no pair.
        //     Total 0.400449113.
        var index = Index(WithProximity,
            Doc("d1", "Heat transfer", "Solid"),
            Doc("d2", "Heat flow", "Transfer rates"));
        var results = index.Search("heat transfer");
        Assert.Equal(["d1", "d2"], results.Keys());
        Assert.Equal(0.714723172, results.Hits[0].Score, 1e-6);
        Assert.Equal(0.400449113, results.Hits[1].Score, 1e-6);
    }

    [Fact]
    public void Search_ranks_query_words_standing_together_above_the_same_words_scattered()
    {
        var together = Doc("together", "Notes", "We measure heat transfer in a plate and a shell of steel today.");
        var scattered = Doc("scattered", "Notes", "We measure heat in a plate and transfer a shell of steel today.");
        Assert.Equal(["together", "scattered"], Index(WithProximity, scattered, together).Search("heat transfer").Keys());
        var plain = Index(WithoutProximity, scattered, together).Search("heat transfer");
        Assert.Equal(plain.Hits[0].Score, plain.Hits[1].Score, 1e-6); // without proximity the two tie
    }

    [Fact]
    public void Proximity_adds_score_but_never_matches()
    {
        var index = Index(WithProximity,
            Doc("both", "Heat transfer"),
            Doc("one", "Heat flow"),
            Doc("none", "Cold flow"));
        Assert.Equal(2, index.Search("heat transfer").TotalMatches);
        Assert.Equal(["both"], index.Search("+heat +transfer").Keys());
        Assert.Empty(index.Search("heat transfer -flow -heat").Hits);
    }

    [Fact]
    public void Pairs_are_consecutive_plain_words_skipping_quoted_fielded_and_excluded_clauses()
    {
        var parsed = QueryParserFor("boundary layer \"shock wave\" title:flow -drag transition networks network");
        var pairs = Paperboy.Search.Queries.ProximityQuery.AdjacentPairs(parsed).Select(p => $"{p.First}+{p.Second}");
        Assert.Equal(["boundari+layer", "layer+transit", "transit+network"], pairs);
    }

    [Fact]
    public void Settings_reject_a_window_below_one_and_a_negative_weight()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (SearchSettings.Default with { ProximityWindow = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (SearchSettings.Default with { ProximityWeight = -1 }).Validate());
    }

    private static IReadOnlyList<Paperboy.Search.Queries.TextClause> QueryParserFor(string text) =>
        Paperboy.Search.Queries.QueryParser.Parse(text, SearchSettings.Default).Clauses;
}

using Paperboy.Search.Collectors;
using Paperboy.Search.Indexing;
using Paperboy.Search.Queries;
using static Paperboy.Search.Tests.Docs;

namespace Paperboy.Search.Tests.Scoring;

public class FeedbackTests
{
    private static readonly SearchSettings NoProximity = SearchSettings.Default with { ProximityWeight = 0 };

    [Fact]
    public void Relevance_model_weighs_each_document_by_its_share_of_the_scores_and_each_word_by_its_share_of_the_document()
    {
        // d0 = heat heat flux (3 words), d1 = flux steel (2 words); scores 3 and 1, so P(d0) 0.75, P(d1) 0.25.
        // P(heat) = 0.75 * 2/3 = 0.5; P(flux) = 0.75 * 1/3 + 0.25 * 1/2 = 0.375; P(steel) = 0.25 * 1/2 = 0.125.
        var segment = SegmentSet.Of([(SegmentWriter.Write([Doc("d0", "Heat", "heat flux"), Doc("d1", "Flux", "steel")]), null, "s")]);
        ScoredDoc[] feedback = [new(0, 3.0), new(1, 1.0)];

        var all = RelevanceModel.Estimate(segment, feedback, terms: 3);
        Assert.Equal(["heat", "flux", "steel"], all.Select(t => t.Term));
        Assert.Equal([0.5, 0.375, 0.125], all.Select(t => t.Probability), (x, y) => Math.Abs(x - y) < 1e-12);

        // Keeping two words renormalises them: 0.5 / 0.875 and 0.375 / 0.875.
        var two = RelevanceModel.Estimate(segment, feedback, terms: 2);
        Assert.Equal(["heat", "flux"], two.Select(t => t.Term));
        Assert.Equal([4.0 / 7, 3.0 / 7], two.Select(t => t.Probability), (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Relevance_model_breaks_ties_in_ordinal_order_and_is_empty_without_feedback()
    {
        var segment = SegmentSet.Of([(SegmentWriter.Write([Doc("d0", "Steel flux", "")]), null, "s")]);
        Assert.Equal(["flux"], RelevanceModel.Estimate(segment, [new(0, 1.0)], terms: 1).Select(t => t.Term));
        Assert.Empty(RelevanceModel.Estimate(segment, [], terms: 10));
    }

    [Fact]
    public void Search_gives_the_hand_computed_feedback_score_and_keeps_the_original_matches()
    {
        // Titles "Heat flux", "Flux", "Heat"; N = 3, avg title length 4/3; df(heat) = df(flux) = 2, idf a = ln 1.6.
        // First pass for "heat": d0 tf~ = 2.5 / (0.25 + 0.75 * 2 / (4/3)) = 1.818182, s0 = a * 1.818182 / 3.018182 = 0.283134716;
        //                        d2 tf~ = 2.5 / 0.8125 = 3.076923, s2 = a * 3.076923 / 4.276923 = 0.338132107. d2 ranks first.
        // Both are feedback: P(d0) = s0 / (s0 + s2) = 0.455738; P(heat) = P(d0) / 2 + P(d2) = 0.772131, P(flux) = 0.227869.
        // |Q| = 1, lambda 0.2. flux in d0 scores exactly as heat does (same idf and norm), so
        //     d0 = 0.2 * s0 + 0.8 * (P(heat) + P(flux)) * s0 = s0 = 0.283134716
        //     d2 = 0.2 * s2 + 0.8 * P(heat) * s2 = 0.276492287
        // and d0, holding both feedback words, now ranks first. "Flux" holds no "heat" and stays out.
        var settings = NoProximity with { FeedbackDocs = 2, FeedbackTerms = 2, FeedbackOriginalWeight = 0.2 };
        var index = Index(settings, Doc("d0", "Heat flux"), Doc("d1", "Flux"), Doc("d2", "Heat"));

        var results = index.Search("heat");
        Assert.Equal(["d0", "d2"], results.Keys());
        Assert.Equal(0.283134716, results.Hits[0].Score, 1e-6);
        Assert.Equal(0.276492287, results.Hits[1].Score, 1e-6);
        Assert.Equal(2, results.TotalMatches);
        Assert.Equal(2, index.Count("heat"));

        var firstPass = index.WithSettings(settings with { FeedbackDocs = 0 }).Search("heat");
        Assert.Equal(["d2", "d0"], firstPass.Keys());
        Assert.Equal(0.338132107, firstPass.Hits[0].Score, 1e-6);
    }

    [Fact]
    public void A_document_past_the_rerank_depth_is_not_lifted_by_feedback()
    {
        // The corpus and model of the test above. With depth 1 only d2, first in the first pass, is
        // re-scored (0.276492287); d0 would score 0.283134716 with feedback but lies past the depth, so
        // it keeps its first-pass place, scored lambda * s0 = 0.2 * 0.283134716 = 0.056626943.
        var settings = NoProximity with { FeedbackDocs = 2, FeedbackTerms = 2, FeedbackOriginalWeight = 0.2, FeedbackRerankDepth = 1 };
        var index = Index(settings, Doc("d0", "Heat flux"), Doc("d1", "Flux"), Doc("d2", "Heat"));

        var results = index.Search("heat");
        Assert.Equal(["d2", "d0"], results.Keys());
        Assert.Equal(0.276492287, results.Hits[0].Score, 1e-6);
        Assert.Equal(0.056626943, results.Hits[1].Score, 1e-6);
        Assert.Equal(2, results.TotalMatches);

        // Depth 2 re-ranks both, and depth 0 every match: d0 is lifted as before.
        Assert.Equal(["d0", "d2"], index.WithSettings(settings with { FeedbackRerankDepth = 2 }).Search("heat").Keys());
        Assert.Equal(["d0", "d2"], index.WithSettings(settings with { FeedbackRerankDepth = 0 }).Search("heat").Keys());
    }

    [Fact]
    public void Pages_past_the_rerank_depth_continue_in_first_pass_order()
    {
        // Four titles; for "heat" the first pass ranks d2 "Heat" (shortest) first, then d0 "Heat flux"
        // and d3 "Heat flux steel", then d1 "Flux" does not match. With depth 1 the order is d2 (re-ranked)
        // and then d0, d3 in first-pass order, page by page, each page counting all 3 matches.
        SearchDocument[] documents = [Doc("d0", "Heat flux"), Doc("d1", "Flux"), Doc("d2", "Heat"), Doc("d3", "Heat flux steel")];
        var settings = NoProximity with { FeedbackDocs = 2, FeedbackTerms = 2, FeedbackOriginalWeight = 0.2, FeedbackRerankDepth = 1 };
        var index = Index(settings, documents);
        var firstPass = index.WithSettings(settings with { FeedbackDocs = 0 }).Search("heat");
        Assert.Equal(["d2", "d0", "d3"], firstPass.Keys());

        Assert.Equal(["d2"], index.Search("heat", limit: 1).Keys());
        var second = index.Search("heat", limit: 1, offset: 1);
        Assert.Equal(["d0"], second.Keys());
        Assert.Equal(0.2 * firstPass.Hits[1].Score, second.Hits[0].Score, 1e-6);
        var third = index.Search("heat", limit: 5, offset: 2);
        Assert.Equal(["d3"], third.Keys());
        Assert.Equal(0.2 * firstPass.Hits[2].Score, third.Hits[0].Score, 1e-6);
        Assert.Equal([3, 3, 3], new[] { index.Search("heat", limit: 1).TotalMatches, second.TotalMatches, third.TotalMatches });
        Assert.Empty(index.Search("heat", limit: 5, offset: 3).Hits);
        Assert.Equal(["d2", "d0", "d3"], index.Search("heat", limit: 3).Keys());
    }

    [Fact]
    public void Re_ranking_at_least_every_match_gives_the_full_second_pass_scores_exactly()
    {
        SearchDocument[] documents =
        [
            Doc("a", "Heat transfer in plates", "Steady heat flux through a steel plate."),
            Doc("b", "Boundary layers", "Heat transfer at the wall of a boundary layer, with heat flux measured."),
            Doc("c", "Plate buckling", "Steel plates under load buckle."),
            Doc("d", "Flux pinning", "Flux lines pinned in steel at low heat."),
            Doc("e", "Wall heat", "Transfer of heat to a wall."),
        ];
        var full = Index(SearchSettings.Default with { FeedbackRerankDepth = 0 }, documents);
        var rescored = full.WithSettings(SearchSettings.Default with { FeedbackRerankDepth = 5 });
        foreach (var query in new[] { "heat transfer", "steel plate", "+heat flux -wall", "heat" })
        {
            var expected = full.Search(query, limit: 10);
            var actual = rescored.Search(query, limit: 10);
            Assert.Equal(expected.Keys(), actual.Keys());
            Assert.Equal(expected.Hits.Select(h => h.Score), actual.Hits.Select(h => h.Score));
        }
    }

    [Fact]
    public void Original_weight_one_gives_the_first_pass_scores()
    {
        SearchDocument[] documents =
        [
            Doc("a", "Heat transfer in plates", "Steady heat flux through a steel plate.", ["Ada Lovelace"]),
            Doc("b", "Boundary layers", "Heat transfer at the wall of a boundary layer."),
            Doc("c", "Plate buckling", "Steel plates under load buckle."),
        ];
        var withFeedback = Index(SearchSettings.Default with { FeedbackOriginalWeight = 1 }, documents).Search("heat transfer plate");
        var without = Index(SearchSettings.Default with { FeedbackDocs = 0 }, documents).Search("heat transfer plate");
        Assert.Equal(without.Keys(), withFeedback.Keys());
        Assert.Equal(without.Hits.Select(h => h.Score), withFeedback.Hits.Select(h => h.Score));
    }

    [Fact]
    public void Feedback_respects_required_words_exclusions_and_filters()
    {
        var index = Index(
            Doc("a", "Heat flux in steel", "", categories: ["physics"]),
            Doc("b", "Heat flux in glass", "", categories: ["chemistry"]),
            Doc("c", "Steel flux", "", categories: ["physics"]));
        Assert.Equal(["a"], index.Search("+heat steel -glass").Keys());
        Assert.Equal(["a"], index.Search("heat cat:physics").Keys());
    }

    [Theory]
    [InlineData(-1, 10, 0.5, "FeedbackDocs")]
    [InlineData(101, 10, 0.5, "FeedbackDocs")]
    [InlineData(10, 0, 0.5, "FeedbackTerms")]
    [InlineData(10, 101, 0.5, "FeedbackTerms")]
    [InlineData(10, 10, 1.5, "FeedbackOriginalWeight")]
    [InlineData(10, 10, -0.1, "FeedbackOriginalWeight")]
    public void Settings_reject_feedback_values_out_of_range(int docs, int terms, double originalWeight, string name)
    {
        var settings = SearchSettings.Default with { FeedbackDocs = docs, FeedbackTerms = terms, FeedbackOriginalWeight = originalWeight };
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(settings.Validate).ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Settings_reject_a_rerank_depth_out_of_range(int depth)
    {
        var settings = SearchSettings.Default with { FeedbackRerankDepth = depth };
        Assert.Equal("FeedbackRerankDepth", Assert.Throws<ArgumentOutOfRangeException>(settings.Validate).ParamName);
    }
}

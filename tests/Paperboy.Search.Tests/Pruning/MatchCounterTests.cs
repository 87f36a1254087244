using Paperboy.Search.Collectors;
using Paperboy.Search.Queries;
using Paperboy.Search.Scoring;
using Paperboy.Search.Tests.Reference;

namespace Paperboy.Search.Tests.Pruning;

/// <summary>The counting pass (bit sets of doc ids) against the scorer tree it stands in for.</summary>
public class MatchCounterTests
{
    [Theory]
    [InlineData(SegmentLayouts.One)]
    [InlineData(SegmentLayouts.Many)]
    [InlineData(SegmentLayouts.Deletions)]
    public void Counting_pass_finds_exactly_the_live_matches_the_scorers_walk(string layout)
    {
        var corpus = new ZipfCorpus(layout.Length);
        var documents = corpus.Documents(900);
        var index = SegmentLayouts.Build(layout, documents, SearchSettings.Default, new Random(5));
        var context = new SearchContext(index.Segments, index.Settings);

        var disjunctions = 0;
        for (var q = 0; q < 120; q++)
        {
            var parsed = index.Parse(corpus.Query(documents));
            // As SearchIndex builds the original query: words and phrases, then the proximity pairs.
            var clauses = parsed.Clauses.Select(c => (c.Occur, (Query)new TextQuery(c.Text, c.SearchedFields))).ToList();
            clauses.AddRange(ProximityQuery.AdjacentPairs(parsed.Clauses).Select(p => (Occur.Should, (Query)p)));
            if (new BooleanQuery(clauses, parsed.Filters).CreateWeight(context) is not BooleanWeight { IsPureDisjunction: true } weight)
            {
                continue;
            }
            disjunctions++;
            var counter = new MatchCounter();
            var seen = new Recorder();
            var walked = new List<int>();
            for (var s = 0; s < index.SegmentCount; s++)
            {
                var view = index.Segments.Segments[s];
                if (weight.CreateDisjunction(s, forCounting: true) is { } parts)
                {
                    counter.CountSegment(view, parts, seen);
                }
                var scorer = weight.CreateScorer(s);
                for (var doc = scorer?.NextDoc() ?? Scorer.NoMoreDocs; doc != Scorer.NoMoreDocs; doc = scorer!.NextDoc())
                {
                    if (view.IsLive(doc))
                    {
                        walked.Add(view.DocBase + doc);
                    }
                }
            }
            Assert.Equal(walked.Count, counter.Count);
            Assert.Equal(walked, seen.Docs);
        }
        Assert.InRange(disjunctions, 80, 120);
    }

    [Theory]
    [InlineData(SegmentLayouts.One, 64)]
    [InlineData(SegmentLayouts.Many, 128)]
    [InlineData(SegmentLayouts.Deletions, 192)]
    public void Counting_in_small_windows_finds_the_same_matches_and_stops_once_the_budget_is_reached(string layout, int window)
    {
        var corpus = new ZipfCorpus(layout.Length + window);
        var documents = corpus.Documents(1_500);
        var index = SegmentLayouts.Build(layout, documents, SearchSettings.Default, new Random(7));
        var context = new SearchContext(index.Segments, index.Settings);

        var stopped = 0;
        for (var q = 0; q < 80; q++)
        {
            var parsed = index.Parse(corpus.Query(documents));
            var clauses = parsed.Clauses.Select(c => (c.Occur, (Query)new TextQuery(c.Text, c.SearchedFields))).ToList();
            if (new BooleanQuery(clauses, parsed.Filters).CreateWeight(context) is not BooleanWeight { IsPureDisjunction: true } weight)
            {
                continue;
            }
            var whole = new MatchCounter();
            var windowed = new MatchCounter(window);
            var seenWhole = new Recorder();
            var seenWindowed = new Recorder();
            var limit = 1 + (q * 53 % 400);
            var budget = new CountBudget(limit);
            var capped = new MatchCounter(window);
            for (var s = 0; s < index.SegmentCount; s++)
            {
                var view = index.Segments.Segments[s];
                if (weight.CreateDisjunction(s, forCounting: true) is not { } parts)
                {
                    continue;
                }
                whole.CountSegment(view, parts, seenWhole);
                windowed.CountSegment(view, weight.CreateDisjunction(s, forCounting: true)!, seenWindowed);
                capped.CountSegment(view, weight.CreateDisjunction(s, forCounting: true)!, null, budget);
            }
            Assert.Equal(whole.Count, windowed.Count);
            Assert.Equal(seenWhole.Docs, seenWindowed.Docs);
            if (whole.Count < limit)
            {
                Assert.Equal(whole.Count, capped.Count);
                Assert.False(budget.Reached);
                continue;
            }
            // Counting stops at the end of the window that reached the budget: a lower bound, within one window of it.
            Assert.True(budget.Reached);
            Assert.InRange(capped.Count, limit, Math.Min(whole.Count, limit + window - 1));
            stopped += capped.Count < whole.Count ? 1 : 0;
        }
        Assert.InRange(stopped, 10, 80);
    }

    [Fact]
    public void A_counting_window_is_a_positive_multiple_of_64()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchCounter(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchCounter(0));
    }

    private sealed class Recorder : ICollector
    {
        public List<int> Docs { get; } = [];

        public void Collect(int doc, double score) => Docs.Add(doc);
    }
}

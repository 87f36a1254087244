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

    private sealed class Recorder : ICollector
    {
        public List<int> Docs { get; } = [];

        public void Collect(int doc, double score) => Docs.Add(doc);
    }
}

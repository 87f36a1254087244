using Paperboy.Search.Collectors;
using Paperboy.Search.Indexing;
using Paperboy.Search.Queries;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Tests.Pruning;

public class MaxScoreBulkScorerTests
{
    [Fact]
    public void MaxScore_keeps_the_exhaustive_top_k_while_scoring_a_fraction_of_the_matches()
    {
        // One word in every document, another in a few titles: once the few fill the top 5, a document
        // with only the common word cannot beat them, so the common word stops proposing candidates.
        var documents = Enumerable.Range(0, 2000).Select(i => Docs.Doc($"d{i}",
            i % 97 == 0 ? "quantum annealing" : "classical methods",
            "a study of methods and results " + (i % 3 == 0 ? "methods again" : "")))
            .ToArray();
        var index = Docs.Index(SearchSettings.Default with { FeedbackDocs = 0, ProximityWeight = 0 }, documents);
        var context = new SearchContext(index.Segments, index.Settings);
        Weight[] weights = [.. new[] { "methods", "quantum" }.Select(w => new TextQuery(w, Fields.All).CreateWeight(context)!)];

        var exhaustive = new TopKCollector(5, TopKCollector.ByScore);
        var all = new DisjunctionScorer([.. weights.Select(w => w.CreateScorer(0)!)]);
        for (var doc = all.NextDoc(); doc != Scorer.NoMoreDocs; doc = all.NextDoc())
        {
            exhaustive.Collect(doc, all.Score());
        }

        var pruned = new TopKCollector(5, TopKCollector.ByScore);
        Counting[] clauses = [.. weights.Select(w => new Counting(w.CreateScorer(0)!))];
        new MaxScoreBulkScorer(clauses, window: 64).Score(index.Segments.Segments[0], new DisjunctionParts(clauses, null, null), pruned);

        Assert.Equal(exhaustive.Results(), pruned.Results());
        Assert.Equal(2000, exhaustive.TotalMatches);
        // The exhaustive path scores 2,021 clause matches. Windows of 64 documents score every match of
        // the clauses essential when the window starts. The fifth quantum document (doc 388) fills the top
        // 5 in the window 384-447, so both clauses score every match up to doc 447 (448 + 5 quantum ones);
        // from then on only quantum is essential: its 16 documents after 447 are scored, and "methods" is
        // moved to each of them: 453 + 32 = 485.
        Assert.Equal(485, clauses.Sum(c => c.Scored));
    }

    [Fact]
    public void A_clause_without_a_bound_is_always_essential_and_still_gives_the_exhaustive_top_k()
    {
        var documents = Enumerable.Range(0, 500).Select(i => Docs.Doc($"d{i}", i % 7 == 0 ? "graph graph" : "tree", "graph")).ToArray();
        var index = Docs.Index(SearchSettings.Default with { FeedbackDocs = 0, ProximityWeight = 0 }, documents);
        var context = new SearchContext(index.Segments, index.Settings);
        var weight = new TextQuery("graph", Fields.All).CreateWeight(context)!;
        var tree = new TextQuery("tree", Fields.All).CreateWeight(context)!;

        var exhaustive = new TopKCollector(3, TopKCollector.ByScore);
        var all = new DisjunctionScorer([weight.CreateScorer(0)!, tree.CreateScorer(0)!]);
        for (var doc = all.NextDoc(); doc != Scorer.NoMoreDocs; doc = all.NextDoc())
        {
            exhaustive.Collect(doc, all.Score());
        }

        var pruned = new TopKCollector(3, TopKCollector.ByScore);
        Scorer[] clauses = [new Unbounded(weight.CreateScorer(0)!), tree.CreateScorer(0)!];
        new MaxScoreBulkScorer(clauses, window: 64).Score(index.Segments.Segments[0], new DisjunctionParts(clauses, null, null), pruned);
        Assert.Equal(exhaustive.Results(), pruned.Results());
    }

    [Fact]
    public void A_window_must_be_a_positive_multiple_of_64()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaxScoreBulkScorer([], window: 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaxScoreBulkScorer([], window: 0));
    }

    [Fact]
    public void Min_competitive_score_is_the_kth_best_once_k_are_kept()
    {
        var collector = new TopKCollector(2, TopKCollector.ByScore);
        Assert.Equal(double.NegativeInfinity, collector.MinCompetitiveScore);
        collector.Offer(0, 1.5);
        Assert.Equal(double.NegativeInfinity, collector.MinCompetitiveScore);
        collector.Offer(1, 0.5);
        Assert.Equal(0.5, collector.MinCompetitiveScore);
        collector.Offer(2, 0.5); // a tie with a higher id ranks after: not kept
        collector.Offer(3, 2.0);
        Assert.Equal(1.5, collector.MinCompetitiveScore);
        Assert.Equal([new ScoredDoc(3, 2.0), new ScoredDoc(0, 1.5)], collector.Results());
        Assert.Equal(0, collector.TotalMatches);
        Assert.Equal(double.PositiveInfinity, new TopKCollector(0, TopKCollector.ByScore).MinCompetitiveScore);
    }

    // Forwards to a scorer and counts the documents it scores.
    private sealed class Counting(Scorer inner) : Scorer
    {
        public int Scored { get; private set; }
        public override int DocId => inner.DocId;
        public override double MaxScore => inner.MaxScore;
        public override int NextDoc() => inner.NextDoc();
        public override int Advance(int target) => inner.Advance(target);

        public override double Score()
        {
            Scored++;
            return inner.Score();
        }
    }

    // A scorer with no bound (the default MaxScore), as any clause type MaxScore cannot bound would be.
    private sealed class Unbounded(Scorer inner) : Scorer
    {
        public override int DocId => inner.DocId;
        public override int NextDoc() => inner.NextDoc();
        public override int Advance(int target) => inner.Advance(target);
        public override double Score() => inner.Score();
    }
}

using Paperboy.Search.Indexing;
using Paperboy.Search.Queries;
using Paperboy.Search.Scoring;
using Paperboy.Search.Tests.Reference;

namespace Paperboy.Search.Tests.Pruning;

/// <summary>
/// A scorer's <see cref="Scorer.MaxScore"/> must be at least every score it gives in its segment, or
/// MaxScore would skip a document that belongs in the top k. Checked on every document of random
/// corpora, under settings that stress the formula's corners (k1 near 0 and large, b 0 and 1, heavy
/// and zero field weights).
/// </summary>
public class ScoreBoundTests
{
    private static readonly SearchSettings[] Settings =
    [
        SearchSettings.Default,
        SearchSettings.Default with { K1 = 0.01, TitleB = 1, AbstractB = 1, AuthorsB = 1 },
        SearchSettings.Default with { K1 = 3, TitleB = 0, AbstractB = 0.2, TitleWeight = 10, AuthorsWeight = 0 },
        SearchSettings.Default with { ProximityWindow = 1, ProximityWeight = 3 },
        SearchSettings.Default with { ProximityWindow = 40, AbstractB = 1 },
    ];

    public static TheoryData<int, string> SettingsAndLayouts()
    {
        var data = new TheoryData<int, string>();
        foreach (var layout in new[] { SegmentLayouts.One, SegmentLayouts.Many, SegmentLayouts.Deletions })
        {
            for (var s = 0; s < Settings.Length; s++)
            {
                data.Add(s, layout);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SettingsAndLayouts))]
    public void Every_score_is_at_most_its_scorers_bound_on_random_corpora(int settingsIndex, string layout)
    {
        var settings = Settings[settingsIndex];
        var corpus = new ZipfCorpus(settingsIndex * 7 + layout.Length, vocabulary: 150);
        var documents = corpus.Documents(700);
        var index = SegmentLayouts.Build(layout, documents, settings, new Random(settingsIndex));
        var context = new SearchContext(index.Segments, settings);
        var random = new Random(settingsIndex);

        var checkedScores = 0;
        for (var q = 0; q < 80; q++)
        {
            var words = WordsOf(documents[random.Next(documents.Count)], random);
            var queries = new List<Query>
            {
                new TextQuery(words[0], Fields.All),
                new TextQuery(words[1], [Field.Title]),
                new TextQuery($"{words[0]} {words[1]}", Fields.All), // a phrase, which does occur
                new FeedbackTermQuery(Paperboy.Search.Analysis.Analyzer.English.Analyze(words[2]) is [var token] ? token.Term : words[2], random.NextDouble()),
            };
            queries.AddRange(ProximityQuery.AdjacentPairs(
                [.. words.Select(w => new TextClause(Occur.Should, null, w, false))]));
            foreach (var weight in queries.Select(query => query.CreateWeight(context)).OfType<Weight>())
            {
                checkedScores += CheckEverySegment(weight, index.SegmentCount);
            }
        }
        Assert.InRange(checkedScores, 10_000, int.MaxValue);
    }

    [Fact]
    public void A_word_in_a_single_document_scores_its_bound_to_within_the_margin()
    {
        // Its only document has both the highest frequency and the shortest field of the list.
        var index = Docs.Index(Docs.Doc("d1", "heat heat transfer", "heat flow in solids"), Docs.Doc("d2", "cold", "ice"));
        var context = new SearchContext(index.Segments, index.Settings);
        var scorer = new TextQuery("heat", Fields.All).CreateWeight(context)!.CreateScorer(0)!;
        var bound = scorer.MaxScore;
        Assert.Equal(0, scorer.NextDoc());
        var score = scorer.Score();
        Assert.InRange(bound, score, score * (1 + (2 * ScoreBounds.RelativeMargin)));
    }

    [Fact]
    public void Pair_weight_never_exceeds_the_smaller_frequency_times_the_most_one_occurrence_adds()
    {
        var random = new Random(3);
        for (var run = 0; run < 3000; run++)
        {
            var positions = Enumerable.Range(0, random.Next(0, 60)).Select(_ => random.Next(80)).Distinct().ToArray();
            var split = random.Next(positions.Length + 1);
            var first = positions[..split].Order().ToArray();
            var second = positions[split..].Order().ToArray();
            var window = random.Next(1, 15);
            var bound = Math.Min(first.Length, second.Length) * Proximity.MaxWeightPerOccurrence(window);
            Assert.True(Proximity.PairWeightPlain(first, second, window) <= bound * (1 + 1e-12), $"run {run}");
        }
        // One occurrence with the other word on both sides at distance 1: the bound is reached.
        Assert.Equal(2.0, Proximity.PairWeight([5], [4, 6], 1));
        Assert.Equal(2.0, Proximity.MaxWeightPerOccurrence(1));
    }

    [Fact]
    public void The_most_one_occurrence_adds_covers_the_whole_series_for_wide_windows()
    {
        var exact = 0.0;
        for (var d = 5000; d >= 1; d--)
        {
            exact += 1.0 / ((double)d * d);
        }
        Assert.InRange(Proximity.MaxWeightPerOccurrence(5000), 2 * exact, (Math.PI * Math.PI / 3) + 0.002);
        Assert.Equal(2 * (1 + (1.0 / 4)), Proximity.MaxWeightPerOccurrence(2), 1e-15);
    }

    private static int CheckEverySegment(Weight weight, int segments)
    {
        var checkedScores = 0;
        for (var s = 0; s < segments; s++)
        {
            if (weight.CreateScorer(s) is not { } scorer)
            {
                continue;
            }
            var bound = scorer.MaxScore;
            Assert.True(double.IsFinite(bound), "text and proximity scorers have finite bounds");
            for (var doc = scorer.NextDoc(); doc != Scorer.NoMoreDocs; doc = scorer.NextDoc())
            {
                var score = scorer.Score();
                Assert.True(score <= bound, $"segment {s} doc {doc}: score {score:R} above bound {bound:R}");
                checkedScores++;
            }
        }
        return checkedScores;
    }

    // Three words of a document: adjacent in its text, so phrases and pairs of them occur.
    private static string[] WordsOf(SearchDocument document, Random random)
    {
        var words = (document.Title + " " + document.Abstract).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => Paperboy.Search.Analysis.Analyzer.English.Analyze(w).Count == 1).ToArray();
        if (words.Length < 3)
        {
            return ["kalo", "kami", "lolo"];
        }
        var start = random.Next(words.Length - 2);
        return words[start..(start + 3)];
    }
}

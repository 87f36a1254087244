namespace Paperboy.Search.Tests.Reference;

public class DifferentialTests
{
    private static readonly string[] Vocabulary =
    [
        "graph", "graphs", "neural", "network", "networks", "learning", "learned", "transformer", "attention",
        "sparse", "pruning", "quantum", "annealing", "rank", "ranking", "retrieval", "diffusion", "model",
        "models", "optimization", "optimizing", "bayesian", "inference", "tree", "trees", "forest", "page",
        "the", "of", "a", "for", "with", "and", "in",
    ];

    private static readonly string[] Names = ["Page", "Bloom", "Rank", "Hinton", "Graph", "Lovelace", "Neural", "Turing"];

    private static readonly string[] Categories = ["cs.LG", "cs.CL", "cs.IR", "quant-ph"];

    public static TheoryData<int, string> SeedsAndLayouts()
    {
        var data = new TheoryData<int, string>();
        foreach (var layout in new[] { SegmentLayouts.One, SegmentLayouts.Many, SegmentLayouts.Deletions })
        {
            for (var seed = 1; seed <= 7; seed++)
            {
                data.Add(seed, layout);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SeedsAndLayouts))]
    public void Engine_agrees_with_the_brute_force_reference_on_random_corpora_and_queries(int seed, string layout)
    {
        var random = new Random(seed);
        var documents = Enumerable.Range(0, 150).Select(i => RandomDocument(random, i)).ToList();
        var settings = seed switch
        {
            3 => SearchSettings.Default with
            {
                TitleWeight = 4, AuthorsWeight = 0.5, K1 = 0.9, AbstractB = 0.3, ProximityWeight = 2, ProximityWindow = 3,
                FeedbackDocs = 3, FeedbackTerms = 4, FeedbackOriginalWeight = 0.3, FeedbackRerankDepth = 5,
            },
            4 => SearchSettings.Default with { ProximityWeight = 0, FeedbackDocs = 0 },
            5 => SearchSettings.Default with { FeedbackDocs = 0 },
            6 => SearchSettings.Default with { FeedbackRerankDepth = 0 }, // feedback re-scores every match
            7 => SearchSettings.Default with { FeedbackRerankDepth = 12 },
            _ => SearchSettings.Default,
        };
        var index = SegmentLayouts.Build(layout, documents, settings, new Random(seed * 31));
        var reference = new BruteForceSearch(documents, settings);

        var queriesWithHits = 0;
        var ambiguousFeedback = 0;
        for (var q = 0; q < 150; q++)
        {
            var clauses = RandomClauses(random, documents);
            var category = random.Next(5) == 0 ? Categories[random.Next(Categories.Length)] : null;
            var text = QueryText(clauses, category);

            var expected = reference.Search(clauses, category, out var expectedTotal, out var ambiguous);
            var actual = index.Search(text, limit: 10);
            queriesWithHits += actual.Hits.Count > 0 ? 1 : 0;

            Assert.True(expectedTotal == actual.TotalMatches, $"total for [{text}]: {expectedTotal} vs {actual.TotalMatches}");
            if (ambiguous)
            {
                ambiguousFeedback++;
                continue;
            }
            AssertPage(expected, actual.Hits, offset: 0, text);
            // The second page crosses the re-ranking depth where it is 5 or 12.
            AssertPage(expected, index.Search(text, limit: 10, offset: 10).Hits, offset: 10, text);
        }
        Assert.InRange(queriesWithHits, 75, 150); // the comparison is only worth something if most queries match
        Assert.InRange(ambiguousFeedback, 0, 15); // and if few are skipped for ties the feedback may break either way
    }

    private static void AssertPage(List<(string Key, double Score)> expected, IReadOnlyList<SearchHit> hits, int offset, string text)
    {
        Assert.Equal(Math.Clamp(expected.Count - offset, 0, 10), hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            var (key, score) = expected[offset + i];
            var hit = hits[i];
            Assert.True(Math.Abs(hit.Score - score) <= 1e-5 * Math.Max(1, score), $"score {offset + i} for [{text}]: {score} vs {hit.Score}");
            // Keys may only differ where two scores tie within float precision.
            Assert.True(key == hit.Key || Math.Abs(expected.First(e => e.Key == hit.Key).Score - score) <= 1e-5,
                $"key {offset + i} for [{text}]: {key} vs {hit.Key}");
        }
    }

    internal static SearchDocument RandomDocument(Random random, int i)
    {
        string Words(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
        var authors = Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"{Names[random.Next(Names.Length)]} {Names[random.Next(Names.Length)]}").ToArray();
        var categories = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Categories[random.Next(Categories.Length)]).Distinct().ToArray();
        return new SearchDocument($"doc{i:000}", Words(1, 8), Words(0, 60), authors, categories, 2000 + random.Next(25));
    }

    internal static string QueryText(List<BruteForceSearch.Clause> clauses, string? category) =>
        string.Join(' ', clauses.Select(c => (c.Occur == ' ' ? "" : c.Occur.ToString()) + (c.Text.Contains(' ') ? $"\"{c.Text}\"" : c.Text)))
        + (category is null ? "" : $" cat:{category}");

    internal static string RandomCategory(Random random) => Categories[random.Next(Categories.Length)];

    internal static List<BruteForceSearch.Clause> RandomClauses(Random random, List<SearchDocument> documents)
    {
        var clauses = new List<BruteForceSearch.Clause>();
        var used = new HashSet<string>();
        for (var c = 0; c < random.Next(1, 5); c++)
        {
            string text;
            var kind = random.Next(10);
            if (kind < 2)
            {
                // A phrase copied from a document, stop words and all, so phrases do match.
                var words = documents[random.Next(documents.Count)].Abstract.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 3)
                {
                    continue;
                }
                var start = random.Next(words.Length - 2);
                text = string.Join(' ', words[start..(start + random.Next(2, 4))]);
            }
            else
            {
                text = kind < 3 ? Names[random.Next(Names.Length)].ToLowerInvariant() : Vocabulary[random.Next(27)];
            }
            if (Paperboy.Search.Analysis.Analyzer.English.Analyze(text).Count == 0 || !used.Add(text))
            {
                continue; // the parser drops bare stop words and repeats; the reference has no such rule
            }
            var occur = random.Next(10) switch { < 6 => ' ', < 8 => '+', _ => '-' };
            clauses.Add(new BruteForceSearch.Clause(occur, text));
        }
        if (clauses.Count == 0)
        {
            clauses.Add(new BruteForceSearch.Clause(' ', "graph"));
        }
        return clauses;
    }
}

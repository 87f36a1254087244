namespace Paperboy.Search.Tests;

/// <summary>
/// Random corpora and queries over a small vocabulary, so most queries match several documents:
/// for tests that compare two indexes of the same documents query by query.
/// </summary>
internal static class Corpora
{
    private static readonly string[] Vocabulary =
    [
        "graph", "graphs", "neural", "network", "networks", "learning", "learned", "transformer", "attention",
        "sparse", "pruning", "quantum", "annealing", "rank", "ranking", "retrieval", "diffusion", "model",
        "models", "optimization", "bayesian", "inference", "tree", "forest", "page", "naïve", "schrödinger",
        "the", "of", "a", "for", "with", "and", "in",
    ];

    private static readonly string[] Names = ["Page", "Bloom", "Rank", "Hinton", "Graph", "Lovelace", "Neural", "Turing"];

    private static readonly string[] Categories = ["cs.LG", "cs.CL", "cs.IR", "quant-ph"];

    public static List<SearchDocument> Documents(Random random, int count, string keyPrefix = "doc") =>
        [.. Enumerable.Range(0, count).Select(i => Document(random, $"{keyPrefix}{i:0000}"))];

    public static SearchDocument Document(Random random, string key)
    {
        string Words(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
        var authors = Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"{Names[random.Next(Names.Length)]} {Names[random.Next(Names.Length)]}").ToArray();
        var categories = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Categories[random.Next(Categories.Length)]).Distinct().ToArray();
        DateOnly? date = random.Next(5) == 0 ? null : new DateOnly(2000 + random.Next(25), 1 + random.Next(12), 1 + random.Next(28));
        return new SearchDocument(key, Words(1, 8), Words(0, random.Next(4) == 0 ? 400 : 60), authors, categories,
            date?.Year, date, random.Next(100));
    }

    /// <summary>Words, phrases, required and excluded words, author names and filters, as typed.</summary>
    public static List<string> Queries(Random random, int count)
    {
        var queries = new List<string>();
        for (var q = 0; q < count; q++)
        {
            var parts = new List<string>();
            for (var c = random.Next(1, 4); c > 0; c--)
            {
                var word = Vocabulary[random.Next(27)];
                parts.Add(random.Next(8) switch
                {
                    0 => $"\"{word} {Vocabulary[random.Next(Vocabulary.Length)]} {Vocabulary[random.Next(27)]}\"",
                    1 => "+" + word,
                    2 => "-" + word,
                    3 => Names[random.Next(Names.Length)].ToLowerInvariant(),
                    _ => word,
                });
            }
            if (random.Next(5) == 0)
            {
                parts.Add($"cat:{Categories[random.Next(Categories.Length)]}");
            }
            if (random.Next(8) == 0)
            {
                parts.Add($"year:{2005 + random.Next(10)}..{2015 + random.Next(10)}");
            }
            queries.Add(string.Join(' ', parts));
        }
        queries.Add("cat:cs.LG"); // filters only: listed by year, then key
        return queries;
    }

    /// <summary>Asserts that two indexes give the same hits, scores, snippets and totals for every query.</summary>
    public static void AssertSameResults(SearchIndex expected, SearchIndex actual, IEnumerable<string> queries)
    {
        var matched = 0;
        foreach (var query in queries)
        {
            var e = expected.Search(query, limit: 20);
            var a = actual.Search(query, limit: 20);
            Assert.True(e.TotalMatches == a.TotalMatches, $"total for [{query}]: {e.TotalMatches} vs {a.TotalMatches}");
            Assert.Equal(e.Hits.Select(h => (h.Key, h.Score)), a.Hits.Select(h => (h.Key, h.Score)));
            Assert.Equal(e.Hits.Select(h => Parts(h.Title) + Parts(h.Abstract)), a.Hits.Select(h => Parts(h.Title) + Parts(h.Abstract)));
            matched += e.Hits.Count > 0 ? 1 : 0;
        }
        Assert.True(matched > 10, $"only {matched} queries matched anything");
    }

    private static string Parts(Snippet snippet) => string.Concat(snippet.Parts.Select(p => p.IsMatch ? $"[{p.Text}]" : p.Text));
}

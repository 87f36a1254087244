using System.Globalization;
using Paperboy.Application.Digests;
using Paperboy.Ingest.Synthetic;

namespace Paperboy.Bench;

/// <summary>
/// Subscription requests drawn from the seed, as readers would fill in the form: daily, 1-3 categories
/// (each that of a random paper, so weighted by their share of papers), 0-2 saved searches from the corpus's vocabulary (one word, two words,
/// two words with AND, or a recurring phrase, each drawn afresh, so repeats are only the natural ones),
/// 0-2 followed authors picked from random papers (so prolific authors are followed more), trending for
/// half of them, and a spread of time zones and morning hours.
/// </summary>
internal static class DigestSubscribers
{
    private static readonly string[] TimeZones =
    [
        "UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Zurich", "America/New_York", "America/Chicago",
        "America/Los_Angeles", "America/Sao_Paulo", "Asia/Tokyo", "Asia/Shanghai", "Asia/Kolkata", "Asia/Seoul", "Australia/Sydney",
    ];

    private static readonly SyntheticQueryKind[] SavedKinds =
        [SyntheticQueryKind.OneTerm, SyntheticQueryKind.TwoTermOr, SyntheticQueryKind.TwoTermAnd, SyntheticQueryKind.Phrase];

    /// <param name="papers">The authors and categories of every stored paper.</param>
    public static List<SubscriptionRequest> Create(int count, int seed, IReadOnlyList<(IReadOnlyList<string> Authors, IReadOnlyList<string> Categories)> papers)
    {
        var random = new Random(seed);
        var queries = SyntheticQueries.Create(seed, count)
            .Where(q => SavedKinds.Contains(q.Kind))
            .GroupBy(q => q.Kind)
            .ToDictionary(g => g.Key, g => new Queue<SyntheticQuery>(g));
        var requests = new List<SubscriptionRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var chosen = new List<string>();
            var wanted = random.Next(1, 4);
            while (chosen.Count < wanted)
            {
                var categories = papers[random.Next(papers.Count)].Categories;
                var category = categories[random.Next(categories.Count)];
                if (!chosen.Contains(category))
                {
                    chosen.Add(category);
                }
            }
            var saved = Enumerable.Range(0, random.Next(0, 3))
                .Select(_ => queries[SavedKinds[random.Next(SavedKinds.Length)]].Dequeue().Text)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var authors = Enumerable.Range(0, random.Next(0, 3))
                .Select(_ => papers[random.Next(papers.Count)].Authors)
                .Select(list => list[random.Next(list.Count)])
                .Distinct(StringComparer.Ordinal)
                .ToList();
            requests.Add(new SubscriptionRequest
            {
                Email = string.Create(CultureInfo.InvariantCulture, $"reader{i + 1}@example.org"),
                Frequency = "daily",
                TimeZone = TimeZones[random.Next(TimeZones.Length)],
                Hour = random.Next(6, 10),
                Trending = random.Next(2) == 0,
                Categories = chosen,
                Queries = saved,
                Authors = authors,
            });
        }
        return requests;
    }
}

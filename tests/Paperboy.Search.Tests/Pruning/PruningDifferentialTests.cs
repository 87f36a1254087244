using Paperboy.Search.Collectors;
using Paperboy.Search.Queries;
using Paperboy.Search.Tests.Reference;

namespace Paperboy.Search.Tests.Pruning;

/// <summary>
/// The pruned path (MaxScore with a separate counting pass) against the exhaustive path it replaces:
/// on random disjunctions with phrases, exclusions, filters and deleted documents, over several segment
/// layouts, both must return the same documents with the same scores, bit for bit, the same total, and
/// the same facets.
/// </summary>
public class PruningDifferentialTests
{
    private static readonly SearchSettings Plain = SearchSettings.Default with { FeedbackDocs = 0, ProximityWeight = 0 };
    private static readonly SearchSettings Proximity = SearchSettings.Default with { FeedbackDocs = 0 };

    // Far from the defaults, where saturation and length norms push pseudo frequencies and their bounds
    // to extremes: the inverted saturation and the skipped blocks must stay safe there too.
    private static readonly SearchSettings Steep = Plain with { K1 = 0.05, TitleWeight = 10, TitleB = 1, AbstractB = 1 };
    private static readonly SearchSettings Flat = Plain with { K1 = 3, AbstractWeight = 0.2, AbstractB = 0, AuthorsWeight = 4 };

    public static TheoryData<int, string, string, int> Cases()
    {
        var data = new TheoryData<int, string, string, int>();
        foreach (var layout in new[] { SegmentLayouts.One, SegmentLayouts.Many, SegmentLayouts.Deletions })
        {
            foreach (var settings in new[] { "plain", "proximity", "default", "steep", "flat" })
            {
                for (var seed = 1; seed <= 2; seed++)
                {
                    data.Add(seed, layout, settings, 1_200);
                }
                // Common words in dozens of blocks: windows of block-max bounds that differ along a list.
                data.Add(3, layout, settings, 8_000);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pruned_search_returns_the_exhaustive_top_k_with_identical_scores_and_totals(int seed, string layout, string settingsName, int count)
    {
        var settings = settingsName switch
        {
            "plain" => Plain,
            "proximity" => Proximity,
            "steep" => Steep,
            "flat" => Flat,
            _ => SearchSettings.Default,
        };
        var corpus = new ZipfCorpus(seed * 101 + settingsName.Length);
        var documents = corpus.Documents(count);
        var built = SegmentLayouts.Build(layout, documents, settings, new Random(seed));
        var exhaustive = built.WithoutPruning();
        // Odd seeds score in windows of 64 documents, so a query crosses dozens of window edges; seeds 2
        // and 3 split the segments among three threads whatever the index's size.
        var pruned = seed % 2 == 1 ? built.WithPruningWindow(64) : built;
        if (seed >= 2)
        {
            pruned = pruned.WithSettings(settings with { SearchThreads = 3, ParallelSearchFromDocs = 0 });
        }

        var compared = 0;
        var stoppedCounting = 0;
        for (var q = 0; q < (count > 2_000 ? 30 : 60); q++)
        {
            var text = corpus.Query(documents);
            var parsed = pruned.Parse(text);
            foreach (var k in new[] { 1, 10, 100 })
            {
                var withFacets = (q + k) % 4 == 0;
                var expectedFacets = withFacets ? new FacetCollector() : null;
                var actualFacets = withFacets ? new FacetCollector() : null;
                var (expected, expectedTotal) = exhaustive.Rank(parsed, k, SearchSort.Relevance, expectedFacets);
                var (actual, actualTotal) = pruned.Rank(parsed, k, SearchSort.Relevance, actualFacets);

                Assert.True(expectedTotal == actualTotal, $"total for [{text}] k {k}: {expectedTotal} vs {actualTotal}");
                Assert.True(expected.Length == actual.Length, $"hits for [{text}] k {k}: {expected.Length} vs {actual.Length}");
                for (var i = 0; i < expected.Length; i++)
                {
                    Assert.True(expected[i].Doc == actual[i].Doc, $"doc {i} for [{text}] k {k}: {expected[i].Doc} vs {actual[i].Doc}");
                    Assert.True(BitConverter.DoubleToInt64Bits(expected[i].Score) == BitConverter.DoubleToInt64Bits(actual[i].Score),
                        $"score {i} for [{text}] k {k}: {expected[i].Score:R} vs {actual[i].Score:R}");
                }
                if (withFacets)
                {
                    Assert.Equal(Describe(expectedFacets!.Counts(100)), Describe(actualFacets!.Counts(100)));
                }
                compared += expected.Length;
                stoppedCounting += CompareWithCountingCapped(exhaustive, pruned, parsed, text, k, expected, expectedTotal.Count, cap: 1 + (q * 37 % 300));
            }
        }
        Assert.InRange(compared, 1_000, int.MaxValue); // most queries match: the comparison is worth something
        Assert.InRange(stoppedCounting, 20, int.MaxValue); // and many stop counting early
    }

    // A total wanted exact only up to `cap`: the same documents and scores; the total exact below the cap,
    // and at or past it the cap, marked, for a pure disjunction (the pruned path, which stops counting),
    // exact for any other query (every match is scored, so counted, anyway).
    private static int CompareWithCountingCapped(SearchIndex exhaustive, SearchIndex pruned, ParsedQuery parsed, string text, int k,
        ScoredDoc[] expected, int expectedTotal, int cap)
    {
        var (actual, total) = pruned.Rank(parsed, k, SearchSort.Relevance, null, cap);
        Assert.True(expected.SequenceEqual(actual), $"hits for [{text}] k {k} counted up to {cap}");
        if (expectedTotal < cap)
        {
            Assert.True(total == new MatchTotal(expectedTotal, AtLeast: false), $"total for [{text}] up to {cap}: {expectedTotal} vs {total}");
            return 0;
        }
        var pure = parsed.Clauses.Any(c => c.Occur == Occur.Should) && parsed.Clauses.All(c => c.Occur != Occur.Must);
        var wanted = pure ? new MatchTotal(cap, AtLeast: true) : new MatchTotal(expectedTotal, AtLeast: false);
        Assert.True(total == wanted, $"total for [{text}] up to {cap}: {expectedTotal} vs {total}");
        // The exhaustive path counts every match, whatever the cap.
        Assert.Equal(new MatchTotal(expectedTotal, AtLeast: false), exhaustive.Rank(parsed, k, SearchSort.Relevance, null, cap).Total);
        return total.AtLeast ? 1 : 0;
    }

    private static string Describe(FacetCounts counts) =>
        string.Join(',', counts.Categories.Select(c => $"{c.Value}={c.Count}")) + ";" + string.Join(',', counts.Years.Select(y => $"{y.Value}={y.Count}"));
}

using Paperboy.Search.Tests.Reference;

namespace Paperboy.Search.Tests.Storage;

/// <summary>
/// The persistent index after a random history of adds, replacements, deletions, commits and
/// merges ranks exactly as one in-memory segment built from the surviving documents, in the order
/// they were last added (the order the brute-force differential tests check that segment against).
/// </summary>
public sealed class WriterDifferentialTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"paperboy-writer-diff-{Guid.NewGuid():N}");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Index_after_updates_deletions_and_merges_ranks_as_one_segment_of_its_live_documents(int seed)
    {
        var random = new Random(seed);
        var settings = seed == 2 ? SearchSettings.Default with { FeedbackDocs = 0 } : SearchSettings.Default;
        var options = new IndexWriterOptions { BackgroundMerges = false, MergeFactor = 2 + (seed % 2), SmallestLevelDocs = 8, MaxBufferedDocs = 25 };
        var live = new List<SearchDocument>();
        var next = 0;
        using var writer = SearchIndexWriter.Open(_directory, settings, options);
        var merges = 0;
        for (var round = 0; round < 12; round++)
        {
            for (var op = 0; op < 30; op++)
            {
                var roll = random.Next(10);
                if (roll < 6 || live.Count < 10)
                {
                    var document = DifferentialTests.RandomDocument(random, next++);
                    writer.Add(document);
                    live.Add(document);
                }
                else if (roll < 8)
                {
                    var old = live[random.Next(live.Count)];
                    var replacement = DifferentialTests.RandomDocument(random, next++) with { Key = old.Key };
                    writer.Add(replacement);
                    live.Remove(old);
                    live.Add(replacement);
                }
                else
                {
                    var gone = live[random.Next(live.Count)];
                    writer.Delete(gone.Key);
                    live.Remove(gone);
                }
            }
            writer.Commit();
            if (random.Next(3) == 0)
            {
                var before = writer.Snapshot.SegmentCount;
                writer.MergeNow();
                merges += writer.Snapshot.SegmentCount < before ? 1 : 0;
            }
        }
        Assert.True(merges > 0, "the history never merged");

        var actualIndex = SearchIndex.Open(_directory, settings);
        var expectedIndex = Docs.Index(settings, [.. live]);
        Assert.Equal(live.Count, actualIndex.DocumentCount);
        Assert.True(actualIndex.SegmentCount > 1, "the comparison needs several segments");
        for (var q = 0; q < 120; q++)
        {
            var text = DifferentialTests.QueryText(DifferentialTests.RandomClauses(random, live),
                random.Next(4) == 0 ? DifferentialTests.RandomCategory(random) : null);
            var expected = expectedIndex.Search(text, limit: 20, highlight: false);
            var actual = actualIndex.Search(text, limit: 20, highlight: false);
            Assert.Equal(expected.TotalMatches, actual.TotalMatches);
            Assert.Equal(expected.Keys(), actual.Keys());
            Assert.Equal(expected.Hits.Select(h => h.Score), actual.Hits.Select(h => h.Score));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

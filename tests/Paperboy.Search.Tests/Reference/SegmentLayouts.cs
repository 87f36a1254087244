using Paperboy.Search.Indexing;

namespace Paperboy.Search.Tests.Reference;

/// <summary>
/// The same live documents laid out in segments in different ways, for the differential tests: a
/// multi-segment snapshot must rank exactly as one segment holding its live documents in order.
/// </summary>
internal static class SegmentLayouts
{
    public const string One = "one segment";
    public const string Many = "many segments";
    public const string Deletions = "segments with deletions";

    public static SearchIndex Build(string layout, IReadOnlyList<SearchDocument> live, SearchSettings settings, Random random) => layout switch
    {
        One => Docs.Index(settings, [.. live]),
        Many => new SearchIndex(Split(live, random, ghosts: false), settings),
        Deletions => new SearchIndex(Split(live, random, ghosts: true), settings),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
    };

    /// <summary>
    /// Cuts the documents into 1-8 runs of random length (some empty), one segment each. With ghosts,
    /// deleted documents are mixed in: older versions of live documents (same key, other words)
    /// and papers removed since, so statistics must leave them out.
    /// </summary>
    private static SegmentSet Split(IReadOnlyList<SearchDocument> live, Random random, bool ghosts)
    {
        var runs = random.Next(1, 9);
        var cuts = Enumerable.Range(0, runs - 1).Select(_ => random.Next(live.Count + 1)).Order().ToList();
        cuts.Insert(0, 0);
        cuts.Add(live.Count);
        var segments = new List<(Segment, LiveDocs?, string)>();
        for (var r = 0; r < runs; r++)
        {
            var documents = new List<SearchDocument>();
            var deleted = new List<int>();
            for (var i = cuts[r]; i < cuts[r + 1]; i++)
            {
                if (ghosts && random.Next(3) == 0)
                {
                    deleted.Add(documents.Count);
                    documents.Add(Ghost(live, random));
                }
                documents.Add(live[i]);
            }
            if (ghosts && random.Next(2) == 0)
            {
                deleted.Add(documents.Count);
                documents.Add(Ghost(live, random));
            }
            var segment = SegmentWriter.Write(documents);
            segments.Add((segment, new LiveDocs(segment.DocCount).WithDeleted(deleted), $"s{r}"));
        }
        return SegmentSet.Of(segments);
    }

    // Words of a live document shuffled into another's key, or a key of its own: what a replaced or
    // removed paper leaves behind until a merge.
    private static SearchDocument Ghost(IReadOnlyList<SearchDocument> live, Random random)
    {
        var source = live[random.Next(live.Count)];
        var key = random.Next(2) == 0 ? live[random.Next(live.Count)].Key : $"gone{random.Next(1_000_000)}";
        var words = (source.Title + " " + source.Abstract).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        random.Shuffle(words);
        return source with { Key = key, Title = string.Join(' ', words.Take(6)), Abstract = string.Join(' ', words.Skip(6)) };
    }
}

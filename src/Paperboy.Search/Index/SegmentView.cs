namespace Paperboy.Search.Indexing;

/// <summary>
/// One segment as a snapshot sees it: its deletions at that moment (null when it has none) and the
/// global id of its first document. Global ids run through the segments in order, so a lower
/// global id always means a document added earlier, whatever the segment layout.
/// </summary>
internal sealed class SegmentView
{
    public SegmentView(Segment segment, LiveDocs? live, int docBase, string name)
    {
        Segment = segment;
        Live = live is { HasDeletions: true } ? live : null;
        DocBase = docBase;
        Name = name;
    }

    public Segment Segment { get; }
    public LiveDocs? Live { get; }
    public int DocBase { get; }
    public string Name { get; }

    public int LiveCount => Live?.LiveCount ?? Segment.DocCount;

    public bool IsLive(int doc) => Live is null || Live.IsLive(doc);
}

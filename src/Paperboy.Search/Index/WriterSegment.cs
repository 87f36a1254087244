namespace Paperboy.Search.Indexing;

/// <summary>A segment as the writer tracks it: its current deletions, and what of that is committed.</summary>
internal sealed class WriterSegment
{
    public WriterSegment(string name, Segment segment, LiveDocs live, long deletionsGeneration)
    {
        Name = name;
        Segment = segment;
        Live = live;
        DeletionsGeneration = deletionsGeneration;
    }

    public string Name { get; }
    public Segment Segment { get; }

    /// <summary>Replaced, never changed in place: a snapshot may hold the previous instance.</summary>
    public LiveDocs Live { get; set; }

    /// <summary>The generation of the deletions file on disk (0 = none).</summary>
    public long DeletionsGeneration { get; set; }

    /// <summary>Deletions newer than the file: written by the next commit.</summary>
    public bool DeletionsChanged { get; set; }

    /// <summary>Taken by a running merge: no other merge may take it.</summary>
    public bool Merging { get; set; }
}

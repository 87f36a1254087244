namespace Paperboy.Search.Storage;

/// <summary>One segment as a commit lists it: its name, document count and deletions generation (0 = none).</summary>
internal sealed record CommittedSegment(string Name, int DocCount, long DeletionsGeneration)
{
    public string DeletionsFile => DeletionsFiles.FileName(Name, DeletionsGeneration);
}

/// <summary>
/// What the meta file holds: the commit's generation, the segments in doc-id order, the counter new
/// segment names come from, and the caller's data (the store generation the index reflects).
/// </summary>
internal sealed record CommitPoint(
    long Generation,
    long NextSegmentNumber,
    IReadOnlyList<CommittedSegment> Segments,
    IReadOnlyDictionary<string, string> UserData)
{
    public static readonly CommitPoint Empty = new(0, 1, [], new Dictionary<string, string>());

    /// <summary>Every file this commit needs, the meta file aside.</summary>
    public IEnumerable<string> Files() => Segments.SelectMany(s =>
        s.DeletionsGeneration == 0 ? SegmentFiles.FileNamesOf(s.Name) : [.. SegmentFiles.FileNamesOf(s.Name), s.DeletionsFile]);
}

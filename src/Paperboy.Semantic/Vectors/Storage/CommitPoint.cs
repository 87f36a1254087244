using Paperboy.Semantic.Embedding;

namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>One segment as a commit names it: its size and which of its vectors later commits deleted.</summary>
internal sealed record CommittedSegment(string Name, int Count, DeletionBits Deleted);

/// <summary>
/// What one commit recorded: its generation, the model of the vectors, the live segments, the next
/// free segment number, and the caller's data (a resume checkpoint, say).
/// </summary>
internal sealed record CommitPoint(
    long Generation,
    EmbeddingModel? Model,
    long NextSegmentNumber,
    IReadOnlyList<CommittedSegment> Segments,
    IReadOnlyDictionary<string, string> CommitData)
{
    public static readonly CommitPoint Empty = new(0, null, 1, [], new Dictionary<string, string>());
}

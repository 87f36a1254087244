using Paperboy.Search.Indexing;

namespace Paperboy.Search.Collectors;

/// <summary>Receives every match of a search, segment by segment, in global doc id order.</summary>
internal interface ICollector
{
    /// <summary>Called before the matches of each segment.</summary>
    void SetSegment(SegmentView view)
    {
    }

    void Collect(int doc, double score);
}

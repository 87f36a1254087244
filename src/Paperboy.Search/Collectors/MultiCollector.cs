using Paperboy.Search.Indexing;

namespace Paperboy.Search.Collectors;

/// <summary>Hands every match to two collectors: the ranking and the facet counts see one pass.</summary>
internal sealed class MultiCollector(ICollector first, ICollector second) : ICollector
{
    public void SetSegment(SegmentView view)
    {
        first.SetSegment(view);
        second.SetSegment(view);
    }

    public void Collect(int doc, double score)
    {
        first.Collect(doc, score);
        second.Collect(doc, score);
    }
}

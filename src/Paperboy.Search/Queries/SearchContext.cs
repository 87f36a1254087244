using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>What a search reads: the segment, the settings, and BM25F bound to both.</summary>
internal sealed class SearchContext
{
    public SearchContext(Segment segment, SearchSettings settings)
    {
        Segment = segment;
        Settings = settings;
        Bm25 = new Bm25F(settings, segment);
    }

    public Segment Segment { get; }
    public SearchSettings Settings { get; }
    public Bm25F Bm25 { get; }
}

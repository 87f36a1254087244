using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>A query with its statistics computed; makes a fresh scorer (cursor) per segment.</summary>
internal abstract class Weight
{
    public abstract Scorer? CreateScorer(Segment segment);
}

using Paperboy.Search.Queries;

namespace Paperboy.Search.Scoring;

/// <summary>
/// Skips documents whose per-document values (year, categories) fail the filter, while
/// iterating, so rejected documents are never scored or collected.
/// </summary>
internal sealed class FilteredScorer : Scorer
{
    private readonly Scorer _inner;
    private readonly DocFilter _filter;

    public FilteredScorer(Scorer inner, DocFilter filter)
    {
        _inner = inner;
        _filter = filter;
    }

    public override int DocId => _inner.DocId;

    public override int NextDoc() => Skip(_inner.NextDoc());

    public override int Advance(int target) => Skip(_inner.Advance(target));

    public override double Score() => _inner.Score();

    private int Skip(int doc)
    {
        while (doc != NoMoreDocs && !_filter.Matches(doc))
        {
            doc = _inner.NextDoc();
        }
        return doc;
    }
}

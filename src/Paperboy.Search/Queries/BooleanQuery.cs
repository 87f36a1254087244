namespace Paperboy.Search.Queries;

/// <summary>The top of every parsed query: clauses with their <see cref="Occur"/>, plus filters.</summary>
internal sealed class BooleanQuery : Query
{
    public BooleanQuery(IReadOnlyList<(Occur Occur, Query Query)> clauses, FilterSet filters)
    {
        Clauses = clauses;
        Filters = filters;
    }

    public IReadOnlyList<(Occur Occur, Query Query)> Clauses { get; }
    public FilterSet Filters { get; }

    public override Weight? CreateWeight(SearchContext context)
    {
        var should = new List<Weight>();
        var must = new List<Weight>();
        var mustNot = new List<Weight>();
        foreach (var (occur, query) in Clauses)
        {
            var weight = query.CreateWeight(context);
            if (weight is null)
            {
                if (occur == Occur.Must)
                {
                    return null; // a required word the index has never seen: nothing can match
                }
                continue;
            }
            (occur switch { Occur.Must => must, Occur.MustNot => mustNot, _ => should }).Add(weight);
        }
        if (should.Count == 0 && must.Count == 0 && !Filters.HasInclusions)
        {
            // Only exclusions ("-foo"), or positive words the index never saw: match nothing rather
            // than the whole collection minus a few, which is never what a searcher wants.
            return null;
        }
        var hadPositiveText = Clauses.Any(c => c.Occur != Occur.MustNot);
        if (hadPositiveText && should.Count == 0 && must.Count == 0)
        {
            return null; // "unseenword cat:cs.LG" must not fall back to every cs.LG paper
        }
        return new BooleanWeight(should, must, mustNot, Filters, context);
    }
}

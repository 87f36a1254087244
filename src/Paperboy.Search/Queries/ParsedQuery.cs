using Paperboy.Search.Analysis;
using Paperboy.Search.Indexing;
using Paperboy.Search.Queries;

namespace Paperboy.Search;

/// <summary>
/// What the parser understood. <see cref="ToString"/> gives a canonical form
/// (<c>+title:graph -"bag of words" cat:cs.lg year:2020..</c>) for logs and tests.
/// </summary>
public sealed class ParsedQuery
{
    private readonly List<string> _display;

    internal ParsedQuery(string text, List<TextClause> clauses, FilterSet filters, List<string> display)
    {
        Text = text;
        Clauses = clauses;
        Filters = filters;
        _display = display;
        PositiveTerms = [.. clauses.Where(c => c.Occur != Occur.MustNot).Select(c => c.Text)];
        HighlightTerms = CollectHighlightTerms(clauses);
    }

    /// <summary>The query as typed, cut to the configured maximum length, lone surrogates replaced by spaces.</summary>
    public string Text { get; }

    /// <summary>Words and phrases the results should contain, as typed (excluded ones left out).</summary>
    public IReadOnlyList<string> PositiveTerms { get; }

    /// <summary>Analyzed (folded, stemmed) terms of <see cref="PositiveTerms"/> that can appear in titles and abstracts.</summary>
    public IReadOnlySet<string> HighlightTerms { get; }

    /// <summary>True when the query has a word or phrase to rank by; false for filter-only and empty queries.</summary>
    public bool HasScoringClauses => Clauses.Any(c => c.Occur != Occur.MustNot);

    /// <summary>True when the query can match nothing: no positive word or phrase and no inclusive filter.</summary>
    public bool IsEmpty => !HasScoringClauses && !Filters.HasInclusions;

    internal IReadOnlyList<TextClause> Clauses { get; }

    internal FilterSet Filters { get; }

    public override string ToString() => string.Join(' ', _display);

    private static HashSet<string> CollectHighlightTerms(List<TextClause> clauses)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            if (clause.Occur == Occur.MustNot || clause.Field == Field.Authors)
            {
                continue;
            }
            foreach (var token in Analyzer.English.Analyze(clause.Text))
            {
                terms.Add(token.Term);
            }
        }
        return terms;
    }
}

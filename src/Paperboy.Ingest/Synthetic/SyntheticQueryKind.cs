namespace Paperboy.Ingest.Synthetic;

/// <summary>The shapes of query a benchmark times separately, because each exercises a different scorer.</summary>
public enum SyntheticQueryKind
{
    /// <summary><c>term</c></summary>
    OneTerm,

    /// <summary><c>a b</c>: either word (OR is Paperboy's default).</summary>
    TwoTermOr,

    /// <summary><c>a b c</c></summary>
    ThreeTermOr,

    /// <summary><c>a AND b</c></summary>
    TwoTermAnd,

    /// <summary><c>"a b"</c> or <c>"a b c"</c>, from the corpus's recurring phrases.</summary>
    Phrase,

    /// <summary><c>cat:cs.LG term</c></summary>
    CategoryFilter,

    /// <summary><c>term year:2019..2021</c></summary>
    YearFilter,

    /// <summary>
    /// <c>cat:cs.LG a b</c> or <c>cat:cs.LG a b c</c>: a two- or three-word OR with a category filter,
    /// to set against the same words unfiltered. Last, so the kinds before it keep their queries.
    /// </summary>
    CategoryFilterOr,
}

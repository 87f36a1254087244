using Paperboy.Search.Analysis;
using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>
/// Two query words that stand next to each other in the query, scored by how close they stand in
/// the title and in the abstract (BM25TP, Rasolofo &amp; Savoy, ECIR 2003). Verbose queries describe
/// an idea in running words; documents about that idea use the same words near each other, while
/// documents that merely share the vocabulary scatter them. Only added beside the words' own clauses.
/// </summary>
internal sealed class ProximityQuery : Query
{
    private static readonly Field[] ProseFields = [Field.Title, Field.Abstract];

    private readonly string _firstText;
    private readonly string _secondText;

    private ProximityQuery(string firstText, string first, string secondText, string second)
    {
        _firstText = firstText;
        First = first;
        _secondText = secondText;
        Second = second;
    }

    /// <summary>The first word's index term (folded, stemmed).</summary>
    public string First { get; }

    /// <summary>The second word's index term.</summary>
    public string Second { get; }

    /// <summary>
    /// Pairs of consecutive query words: positive, unquoted, over all fields, each analyzing to one
    /// term (stop words are already gone from the clauses; phrases have their own proximity). Two
    /// words with the same stem ("network networks") make no pair.
    /// </summary>
    public static List<ProximityQuery> AdjacentPairs(IReadOnlyList<TextClause> clauses)
    {
        var words = new List<(string Text, string Term)>();
        foreach (var clause in clauses)
        {
            if (clause is { Occur: not Occur.MustNot, Field: null, Quoted: false }
                && Analyzer.English.Analyze(clause.Text) is [var token])
            {
                words.Add((clause.Text, token.Term));
            }
        }
        var pairs = new List<ProximityQuery>();
        for (var i = 1; i < words.Count; i++)
        {
            var (a, b) = (words[i - 1], words[i]);
            if (a.Term != b.Term)
            {
                pairs.Add(new ProximityQuery(a.Text, a.Term, b.Text, b.Term));
            }
        }
        return pairs;
    }

    public override Weight? CreateWeight(SearchContext context)
    {
        // The idf of each word over all fields, exactly as its own clause weighs it: from the text as
        // typed, because stemming a stem again can change it ("sparse" -> "spars" -> "spar").
        if (new TextQuery(_firstText, Fields.All).CreateWeight(context) is not TextWeight first
            || new TextQuery(_secondText, Fields.All).CreateWeight(context) is not TextWeight second)
        {
            return null;
        }
        var segments = context.Segments.Segments;
        var partsBySegment = new List<(Field Field, Postings First, Postings Second)>[segments.Count];
        var any = false;
        for (var s = 0; s < segments.Count; s++)
        {
            partsBySegment[s] = [];
            foreach (var field in ProseFields)
            {
                var index = segments[s].Segment[field];
                if (index.Find(First) is { } a && index.Find(Second) is { } b)
                {
                    partsBySegment[s].Add((field, a, b));
                    any = true;
                }
            }
        }
        var boost = context.Settings.ProximityWeight * Math.Min(first.Idf, second.Idf);
        return any ? new ProximityWeight(partsBySegment, boost, context) : null;
    }
}

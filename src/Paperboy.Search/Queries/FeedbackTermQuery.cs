using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>
/// A word of the relevance model, already an index term (stemming it again could change it), scored
/// with BM25F over the title and abstract, where the model's words come from, times its boost.
/// </summary>
internal sealed class FeedbackTermQuery : Query
{
    private static readonly Field[] ProseFields = [Field.Title, Field.Abstract];

    public FeedbackTermQuery(string term, double boost)
    {
        Term = term;
        Boost = boost;
    }

    public string Term { get; }
    public double Boost { get; }

    public override Weight? CreateWeight(SearchContext context)
    {
        var parts = new List<FieldTerms>();
        foreach (var field in ProseFields)
        {
            if (context.Segment[field].Find(Term) is { } postings)
            {
                parts.Add(new FieldTerms(field, [postings], [0]));
            }
        }
        if (parts.Count == 0)
        {
            return null;
        }
        var idf = Bm25F.Idf(context.Segment.ProseDocFrequency(Term, _ => TextQuery.DocumentFrequency(parts)), context.Segment.DocCount);
        return new TextWeight(parts, idf, context.Bm25, Boost);
    }
}

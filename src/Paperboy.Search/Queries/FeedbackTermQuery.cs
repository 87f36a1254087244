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
        var segments = context.Segments.Segments;
        var partsBySegment = new List<FieldTerms>[segments.Count];
        var any = false;
        for (var s = 0; s < segments.Count; s++)
        {
            partsBySegment[s] = [];
            foreach (var field in ProseFields)
            {
                if (segments[s].Segment[field].Find(Term) is { } postings)
                {
                    partsBySegment[s].Add(new FieldTerms(field, [postings], [0]));
                    any = true;
                }
            }
        }
        if (!any)
        {
            return null;
        }
        var docFreq = context.Segments.ProseDocFrequency(Term,
            _ => segments.Select((view, s) => TextQuery.DocumentFrequency(partsBySegment[s], view)).Sum());
        return new TextWeight(partsBySegment, Bm25F.Idf(docFreq, context.DocCount), context, Boost);
    }
}

using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>
/// One word or phrase searched in one or more fields. Each field analyzes the text its own way
/// (names are not stemmed), so each field gets its own list of terms with relative positions.
/// </summary>
internal sealed class TextQuery : Query
{
    public TextQuery(string text, IReadOnlyList<Field> fields)
    {
        Text = text;
        SearchedFields = fields;
    }

    public string Text { get; }
    public IReadOnlyList<Field> SearchedFields { get; }

    public override Weight? CreateWeight(SearchContext context)
    {
        var parts = new List<FieldTerms>();
        foreach (var field in SearchedFields)
        {
            var tokens = Fields.AnalyzerFor(field).Analyze(Text);
            if (tokens.Count == 0)
            {
                continue;
            }
            var postings = new Postings[tokens.Count];
            var missing = false;
            for (var i = 0; i < tokens.Count && !missing; i++)
            {
                var found = context.Segment[field].Find(tokens[i].Term);
                missing = found is null;
                postings[i] = found!;
            }
            if (!missing)
            {
                var offsets = tokens.Select(t => t.Position - tokens[0].Position).ToArray();
                parts.Add(new FieldTerms(field, postings, offsets));
            }
        }
        if (parts.Count == 0)
        {
            return null;
        }
        var docFreq = DocumentFrequency(parts);
        return docFreq == 0 ? null : new TextWeight(parts, Bm25F.Idf(docFreq, context.Segment.DocCount), context.Bm25);
    }

    /// <summary>
    /// Documents containing the word (or phrase) in any searched field: the n of the idf. For one
    /// term in one field it is stored; otherwise one counting pass, so a phrase is weighted by how
    /// rare the phrase is, not by the rarity of its words. A multi-segment index sums these per segment.
    /// </summary>
    internal static int DocumentFrequency(List<FieldTerms> parts)
    {
        if (parts is [{ Postings: [var single] }])
        {
            return single.DocFrequency;
        }
        var cursors = parts.Select(p => p.CreateCursor()).ToArray();
        var count = 0;
        var doc = -1;
        while (true)
        {
            var next = Scorer.NoMoreDocs;
            foreach (var cursor in cursors)
            {
                next = Math.Min(next, cursor.DocId > doc ? cursor.DocId : cursor.Advance(doc + 1));
            }
            if (next == Scorer.NoMoreDocs)
            {
                return count;
            }
            count++;
            doc = next;
        }
    }
}

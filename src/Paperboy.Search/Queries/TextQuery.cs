using System.Buffers;
using System.Numerics;
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
        var analyzed = new List<(Field Field, List<Analysis.AnalyzedToken> Tokens)>();
        foreach (var field in SearchedFields)
        {
            var tokens = Fields.AnalyzerFor(field).Analyze(Text);
            if (tokens.Count > 0)
            {
                analyzed.Add((field, tokens));
            }
        }
        if (analyzed.Count == 0)
        {
            return null;
        }
        var segments = context.Segments.Segments;
        var partsBySegment = new List<FieldTerms>[segments.Count];
        for (var s = 0; s < segments.Count; s++)
        {
            partsBySegment[s] = PartsIn(segments[s].Segment, analyzed);
        }
        // A word (one term in each field) is as frequent as its most frequent field, which the snapshot
        // knows from its dictionaries (Lucene's CombinedFieldQuery makes the same approximation): counting
        // the documents that hold it in any field walked all its postings before every first search of
        // the word, as much as the search itself. A phrase costs a merge of its lists: the snapshot never
        // changes, so it is counted once and kept, keyed by its fields and terms.
        var docFreq = analyzed.All(a => a.Tokens.Count == 1)
            ? analyzed.Max(a => context.Segments.DocFrequency(a.Field, a.Tokens[0].Term))
            : context.Segments.CachedDocFrequency(CacheKey(analyzed), () => CountLive(context, partsBySegment));
        return docFreq == 0 ? null : new TextWeight(partsBySegment, Bm25F.Idf(docFreq, context.DocCount), context);
    }

    // The segments' counts, on several threads for a large index (as its pruned searches run).
    private static int CountLive(SearchContext context, List<FieldTerms>[] partsBySegment)
    {
        var segments = context.Segments.Segments;
        var counts = new int[segments.Count];
        context.ForEach(segments.Count, s => counts[s] = DocumentFrequency(partsBySegment[s], segments[s]));
        return counts.Sum();
    }

    private static string CacheKey(List<(Field Field, List<Analysis.AnalyzedToken> Tokens)> analyzed) =>
        string.Join('\u001F', analyzed.Select(a => $"{(int)a.Field}:{string.Join(' ', a.Tokens.Select(t => $"{t.Term}@{t.Position - a.Tokens[0].Position}"))}"));

    private static List<FieldTerms> PartsIn(Segment segment, List<(Field Field, List<Analysis.AnalyzedToken> Tokens)> analyzed)
    {
        var parts = new List<FieldTerms>();
        foreach (var (field, tokens) in analyzed)
        {
            var postings = new Postings[tokens.Count];
            var missing = false;
            for (var i = 0; i < tokens.Count && !missing; i++)
            {
                var found = segment[field].Find(tokens[i].Term);
                missing = found is null;
                postings[i] = found!;
            }
            if (!missing)
            {
                var offsets = tokens.Select(t => t.Position - tokens[0].Position).ToArray();
                parts.Add(new FieldTerms(field, postings, offsets));
            }
        }
        return parts;
    }

    /// <summary>
    /// Live documents of one segment containing the phrase (or, for feedback, the word) in any searched
    /// field: its share of the n of the idf. One counting pass over the cursors, so a phrase is weighted
    /// by how rare the phrase is, not by the rarity of its words.
    /// </summary>
    internal static int DocumentFrequency(List<FieldTerms> parts, SegmentView view)
    {
        if (parts.Count == 0)
        {
            return 0;
        }
        // Each field's cursor sets its documents' bits (doc ids only, a block at a time), the deleted
        // ones are cleared, and the bits are counted: a posting costs one OR, not a comparison of cursors.
        var words = (view.Segment.DocCount + 63) >> 6;
        var bits = ArrayPool<ulong>.Shared.Rent(words);
        try
        {
            Array.Clear(bits, 0, words);
            foreach (var part in parts)
            {
                part.CreateCursor().AddMatches(bits, 0, Scorer.NoMoreDocs);
            }
            var deleted = view.Live is { } live ? live.Words : default;
            var count = 0;
            for (var w = 0; w < words; w++)
            {
                count += BitOperations.PopCount(deleted.IsEmpty ? bits[w] : bits[w] & ~deleted[w]);
            }
            return count;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(bits);
        }
    }
}

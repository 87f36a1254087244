using Paperboy.Search.Analysis;

namespace Paperboy.Search.Indexing;

/// <summary>
/// The plain segment writer: documents analyzed one by one with <see cref="Analyzer.Analyze"/>,
/// one <see cref="PostingsBuilder"/> per term. <see cref="SegmentWriter"/> must write the same
/// segment; the tests compare every posting of the two.
/// </summary>
internal static class ReferenceSegmentWriter
{
    public static Segment Write(IReadOnlyList<SearchDocument> documents)
    {
        var terms = new Dictionary<string, PostingsBuilder>[Fields.Count];
        var lengths = new int[Fields.Count][];
        for (var f = 0; f < Fields.Count; f++)
        {
            terms[f] = new Dictionary<string, PostingsBuilder>(StringComparer.Ordinal);
            lengths[f] = new int[documents.Count];
        }
        var years = new int[documents.Count];
        var categories = new int[documents.Count][];
        var categoryIds = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var doc = 0; doc < documents.Count; doc++)
        {
            var d = documents[doc];
            lengths[(int)Field.Title][doc] = AddField(terms[(int)Field.Title], doc, Analyzer.English.Analyze(d.Title ?? ""));
            lengths[(int)Field.Abstract][doc] = AddField(terms[(int)Field.Abstract], doc, Analyzer.English.Analyze(d.Abstract ?? ""));
            lengths[(int)Field.Authors][doc] = AddField(terms[(int)Field.Authors], doc, AnalyzeAuthors(d.Authors));
            years[doc] = d.Year ?? DocValues.NoYear;
            categories[doc] = SegmentWriter.InternCategories(d.Categories, categoryIds);
        }

        var fields = new FieldIndex[Fields.Count];
        for (var f = 0; f < Fields.Count; f++)
        {
            var built = new Dictionary<string, Postings>(terms[f].Count, StringComparer.Ordinal);
            foreach (var (term, builder) in terms[f])
            {
                built[term] = builder.Build();
            }
            fields[f] = new FieldIndex(new TermDictionary(built), lengths[f]);
        }
        return new Segment(fields, new DocValues(years, categories, categoryIds), [.. documents]);
    }

    private static int AddField(Dictionary<string, PostingsBuilder> terms, int doc, List<AnalyzedToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (!terms.TryGetValue(token.Term, out var builder))
            {
                builder = new PostingsBuilder();
                terms[token.Term] = builder;
            }
            builder.Add(doc, token.Position);
        }
        return tokens.Count;
    }

    private static List<AnalyzedToken> AnalyzeAuthors(IReadOnlyList<string>? authors)
    {
        var tokens = new List<AnalyzedToken>();
        var nextPosition = 0;
        foreach (var author in authors ?? [])
        {
            var analyzed = Analyzer.Names.Analyze(author ?? "", nextPosition);
            tokens.AddRange(analyzed);
            nextPosition = (analyzed.Count == 0 ? nextPosition : analyzed[^1].Position + 1) + Fields.AuthorPositionGap;
        }
        return tokens;
    }
}

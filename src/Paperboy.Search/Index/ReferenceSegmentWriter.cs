using System.Text;
using Paperboy.Search.Analysis;

namespace Paperboy.Search.Indexing;

/// <summary>
/// The plain segment writer: documents analyzed one by one with <see cref="Analyzer.Analyze"/>, each
/// term's postings collected in plain lists and encoded with <see cref="ReferencePostingsCodec"/>.
/// <see cref="SegmentWriter"/> must write the same segment; the tests compare every array, byte for byte.
/// </summary>
internal static class ReferenceSegmentWriter
{
    public static Segment Write(IReadOnlyList<SearchDocument> documents)
    {
        var terms = new Dictionary<string, (List<int> Docs, List<List<int>> Positions)>[Fields.Count];
        var lengths = new int[Fields.Count][];
        for (var f = 0; f < Fields.Count; f++)
        {
            terms[f] = new(StringComparer.Ordinal);
            lengths[f] = new int[documents.Count];
        }
        var values = new DocValuesBuilder(documents.Count);

        for (var doc = 0; doc < documents.Count; doc++)
        {
            var d = documents[doc];
            lengths[(int)Field.Title][doc] = AddField(terms[(int)Field.Title], doc, Analyzer.English.Analyze(d.Title ?? ""));
            lengths[(int)Field.Abstract][doc] = AddField(terms[(int)Field.Abstract], doc, Analyzer.English.Analyze(d.Abstract ?? ""));
            lengths[(int)Field.Authors][doc] = AddField(terms[(int)Field.Authors], doc, AnalyzeAuthors(d.Authors));
            values.Set(doc, d);
        }

        var fields = new FieldIndex[Fields.Count];
        for (var f = 0; f < Fields.Count; f++)
        {
            fields[f] = BuildField(terms[f], lengths[f]);
        }
        return new Segment(fields, values.Build(), [.. documents.Select(d => d.Key)], new MemoryDocuments([.. documents]));
    }

    private static FieldIndex BuildField(Dictionary<string, (List<int> Docs, List<List<int>> Positions)> terms, int[] lengths)
    {
        var sorted = terms.Keys.Select(Encoding.UTF8.GetBytes).OrderBy(t => t, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();
        var termBytes = new List<byte>();
        var postings = new List<byte>();
        var positions = new List<byte>();
        List<int> termStarts = [0], postingsStarts = [0], positionsStarts = [0];
        foreach (var term in sorted)
        {
            var (docs, termPositions) = terms[Encoding.UTF8.GetString(term)];
            var (encoded, encodedPositions) = ReferencePostingsCodec.Encode(docs, termPositions, [.. docs.Select(d => lengths[d])]);
            termBytes.AddRange(term);
            postings.AddRange(encoded);
            positions.AddRange(encodedPositions);
            termStarts.Add(termBytes.Count);
            postingsStarts.Add(postings.Count);
            positionsStarts.Add(positions.Count);
        }
        var dictionary = new TermDictionary([.. termBytes], [.. termStarts], [.. postingsStarts], [.. positionsStarts]);
        return new FieldIndex(dictionary, [.. postings], [.. positions], lengths);
    }

    private static int AddField(Dictionary<string, (List<int> Docs, List<List<int>> Positions)> terms, int doc, List<AnalyzedToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (!terms.TryGetValue(token.Term, out var postings))
            {
                postings = ([], []);
                terms[token.Term] = postings;
            }
            if (postings.Docs.Count == 0 || postings.Docs[^1] != doc)
            {
                postings.Docs.Add(doc);
                postings.Positions.Add([]);
            }
            postings.Positions[^1].Add(token.Position);
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

namespace Paperboy.Search.Indexing;

/// <summary>
/// One field of a segment: its term dictionary and the length (indexed token count) of the
/// field in every document, which BM25F normalises by. Lengths are exact here; a disk format
/// may quantise them to a byte as Lucene's norms do.
/// </summary>
internal sealed class FieldIndex
{
    public FieldIndex(TermDictionary terms, int[] lengths)
    {
        Terms = terms;
        Lengths = lengths;
        long total = 0;
        foreach (var length in lengths)
        {
            total += length;
        }
        AverageLength = lengths.Length == 0 ? 0 : (double)total / lengths.Length;
    }

    public TermDictionary Terms { get; }
    public int[] Lengths { get; }
    public double AverageLength { get; }
}

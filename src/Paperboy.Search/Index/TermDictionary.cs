using System.Text;

namespace Paperboy.Search.Indexing;

/// <summary>
/// The terms of one field in UTF-8 byte order (code point order), as one UTF-8 blob and offsets, and
/// per term where its postings and its positions start in the field's blobs: a handful of arrays
/// whatever the vocabulary, loaded as they are written, and looked up by binary search (tantivy
/// keeps an FST here; a few dozen lookups a query do not need one). Ordered terms also let a merge
/// walk several segments' dictionaries together.
/// </summary>
internal sealed class TermDictionary
{
    private readonly byte[] _bytes;
    private readonly int[] _starts;

    /// <param name="bytes">The terms' UTF-8 bytes, concatenated in order.</param>
    /// <param name="starts">Term i is bytes[starts[i] .. starts[i + 1]); one more entry than terms.</param>
    /// <param name="postingsStarts">Term i's postings are postings[postingsStarts[i] .. postingsStarts[i + 1]).</param>
    /// <param name="positionsStarts">Likewise in the positions blob.</param>
    public TermDictionary(byte[] bytes, int[] starts, int[] postingsStarts, int[] positionsStarts)
    {
        _bytes = bytes;
        _starts = starts;
        PostingsStarts = postingsStarts;
        PositionsStarts = positionsStarts;
    }

    public int Count => _starts.Length - 1;

    internal byte[] Bytes => _bytes;
    internal int[] Starts => _starts;
    internal int[] PostingsStarts { get; }
    internal int[] PositionsStarts { get; }

    /// <summary>The arrays' size in bytes.</summary>
    public long SizeInBytes => _bytes.Length + (4L * (_starts.Length + PostingsStarts.Length + PositionsStarts.Length));

    public ReadOnlySpan<byte> TermBytes(int ordinal) => _bytes.AsSpan(_starts[ordinal], _starts[ordinal + 1] - _starts[ordinal]);

    public string Term(int ordinal) => Encoding.UTF8.GetString(TermBytes(ordinal));

    /// <summary>Every term, in order.</summary>
    public IEnumerable<string> Terms
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                yield return Term(i);
            }
        }
    }

    /// <summary>The ordinal of a term, or -1.</summary>
    public int Find(string term)
    {
        var length = Encoding.UTF8.GetMaxByteCount(term.Length);
        Span<byte> utf8 = length <= 256 ? stackalloc byte[256] : new byte[length];
        return Find(utf8[..Encoding.UTF8.GetBytes(term, utf8)]);
    }

    public int Find(ReadOnlySpan<byte> term)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = TermBytes(middle).SequenceCompareTo(term);
            if (order == 0)
            {
                return middle;
            }
            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return -1;
    }
}

namespace Paperboy.Search.Indexing;

/// <summary>
/// Term to postings for one field. A hash map in memory; the on-disk segment will put a sorted
/// dictionary (FST or block index) behind the same lookup.
/// </summary>
internal sealed class TermDictionary
{
    private readonly Dictionary<string, Postings> _terms;

    public TermDictionary(Dictionary<string, Postings> terms)
    {
        _terms = terms;
    }

    public int TermCount => _terms.Count;

    public Postings? Get(string term) => _terms.GetValueOrDefault(term);

    /// <summary>Every term, in no particular order (for tests that compare two segments).</summary>
    public IEnumerable<string> Terms => _terms.Keys;
}

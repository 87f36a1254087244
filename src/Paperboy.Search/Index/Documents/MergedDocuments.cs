namespace Paperboy.Search.Indexing;

/// <summary>
/// A merged segment's documents before they are written: each is read from the source segment that
/// holds it. A merge used to copy every live record into blocks of its own (about 1.2 GB of large
/// arrays in a 1M import, made only to be written to the .pbd and dropped); the .pbd is now written
/// straight from the sources, which the writer keeps open until the merged segment replaces them.
/// </summary>
internal sealed class MergedDocuments : StoredDocuments
{
    private readonly StoredDocuments[] _sources;
    private readonly int[] _sourceOf;
    private readonly int[] _docOf;

    /// <param name="sources">The source segments' documents, in merge order.</param>
    /// <param name="sourceOf">For each merged document, the index of its source in <paramref name="sources"/>.</param>
    /// <param name="docOf">For each merged document, its number in that source.</param>
    public MergedDocuments(StoredDocuments[] sources, int[] sourceOf, int[] docOf)
    {
        if (sourceOf.Length != docOf.Length)
        {
            throw new ArgumentException("search index: a merged document needs both its source and its number there", nameof(docOf));
        }
        _sources = sources;
        _sourceOf = sourceOf;
        _docOf = docOf;
    }

    public override int Count => _docOf.Length;

    public override SearchDocument Get(int doc) => _sources[_sourceOf[doc]].Get(_docOf[doc]);

    public override void CopyRecord(int doc, ByteBuffer output) => _sources[_sourceOf[doc]].CopyRecord(_docOf[doc], output);
}

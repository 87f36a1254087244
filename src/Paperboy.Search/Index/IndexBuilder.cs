using Paperboy.Search.Indexing;

namespace Paperboy.Search;

/// <summary>
/// Collects documents, then builds an immutable <see cref="SearchIndex"/>. Adding a key a second
/// time replaces the earlier document (last wins). Not thread-safe; the built index is.
/// </summary>
public sealed class IndexBuilder
{
    private readonly SearchSettings _settings;
    private readonly List<SearchDocument> _documents = [];
    private readonly Dictionary<string, int> _slotByKey = new(StringComparer.Ordinal);

    public IndexBuilder(SearchSettings? settings = null)
    {
        _settings = settings ?? SearchSettings.Default;
        _settings.Validate();
    }

    public int Count => _documents.Count;

    public void Add(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Key is null)
        {
            throw new ArgumentException("search index: a document needs a key", nameof(document));
        }
        if (_slotByKey.TryGetValue(document.Key, out var slot))
        {
            _documents[slot] = document;
            return;
        }
        _slotByKey[document.Key] = _documents.Count;
        _documents.Add(document);
    }

    public SearchIndex Build() => new(SegmentWriter.Write(_documents), _settings);
}

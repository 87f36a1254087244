using Paperboy.Semantic.Embedding;
using Paperboy.Semantic.Vectors.Search;
using Paperboy.Semantic.Vectors.Storage;

namespace Paperboy.Semantic.Vectors;

/// <summary>
/// One commit of a vector index, immutable: searches on it see the same vectors however the writer
/// moves on. Everything is in memory once opened, so a snapshot holds no files and searches never
/// touch the disk; <see cref="Dispose"/> is there so that a later memory-mapped version can release
/// its maps without changing callers.
/// </summary>
public sealed class VectorIndex : IDisposable
{
    private readonly SegmentView[] _segments;
    private readonly VectorIndexOptions _options;

    internal VectorIndex(CommitPoint commit, IReadOnlyDictionary<string, Segment> segments, VectorIndexOptions options)
    {
        Commit = commit;
        _options = options;
        _segments = [.. commit.Segments.Select(s => new SegmentView(segments[s.Name], s.Deleted))];
        Count = _segments.Sum(s => s.LiveCount);
    }

    /// <summary>The model the vectors came from; null for an index never committed to.</summary>
    public EmbeddingModel? Model => Commit.Model;

    /// <summary>Live vectors: neither replaced nor deleted.</summary>
    public int Count { get; }

    /// <summary>The data the writer recorded with this commit (for example a resume checkpoint).</summary>
    public IReadOnlyDictionary<string, string> CommitData => Commit.CommitData;

    /// <summary>How many segments this commit is spread over (bounded by the merge policy).</summary>
    public int SegmentCount => _segments.Length;

    internal CommitPoint Commit { get; }

    internal IReadOnlyList<SegmentView> Segments => _segments;

    /// <summary>The last commit in <paramref name="directory"/>, or an empty index if there is none.</summary>
    public static VectorIndex Open(string directory, VectorIndexOptions? options = null) =>
        IndexLoader.Open(directory, options ?? VectorIndexOptions.Default, loaded: null);

    public bool Contains(string key) => Find(key, out _, out _);

    /// <summary>Copies the float32 vector of <paramref name="key"/>; false if it is not live here.</summary>
    public bool TryGetVector(string key, Span<float> destination)
    {
        if (!Find(key, out var view, out var ordinal))
        {
            return false;
        }
        view.Segment.Vector(ordinal).CopyTo(destination);
        return true;
    }

    /// <summary>
    /// The <paramref name="k"/> live vectors with the largest dot product with the unit-length
    /// <paramref name="query"/>, best first, scored in float32. Ties go to the smaller key, so the
    /// answer does not depend on how vectors are spread over segments.
    /// </summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, VectorSearchOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (Model is null || Count == 0)
        {
            return [];
        }
        if (query.Length != Model.Dimensions)
        {
            throw new ArgumentException($"vector index: a query of {query.Length} dimensions for vectors of {Model.Dimensions}", nameof(query));
        }
        options ??= new VectorSearchOptions();
        var codes = new QueryCodes(query);
        var hits = new List<VectorHit>();
        foreach (var view in _segments)
        {
            foreach (var (node, similarity) in SegmentSearch.Search(view, query, codes, k, options, _options))
            {
                hits.Add(new VectorHit(view.Segment.Keys[node], similarity));
            }
        }
        hits.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Key, b.Key));
        return hits.Count > k ? hits.GetRange(0, k) : hits;
    }

    public void Dispose()
    {
    }

    private bool Find(string key, out SegmentView view, out int ordinal)
    {
        // A key is live in at most one segment; newer segments are likelier to hold recent keys.
        for (var i = _segments.Length - 1; i >= 0; i--)
        {
            if (_segments[i].TryGetLive(key, out ordinal))
            {
                view = _segments[i];
                return true;
            }
        }
        (view, ordinal) = (null!, -1);
        return false;
    }
}

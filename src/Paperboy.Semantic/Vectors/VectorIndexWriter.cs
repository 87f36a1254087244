using Paperboy.Search.Storage;
using Paperboy.Semantic.Embedding;
using Paperboy.Semantic.Vectors.Storage;

namespace Paperboy.Semantic.Vectors;

/// <summary>
/// The one writer of a vector index directory. Adds and deletes are buffered in memory; a commit
/// writes them as one new segment, masks the keys they replace or delete in older segments, merges
/// segments when there are too many, and then makes all of it visible at once by replacing the meta
/// file atomically. A crash at any point leaves the previous commit, and the next writer deletes
/// what the crash left behind. Not thread-safe: one thread writes; any thread may read
/// <see cref="Snapshot"/>.
/// </summary>
public sealed class VectorIndexWriter : IDisposable
{
    private readonly string _directory;
    private readonly WriteLock _lock;
    private readonly VectorIndexOptions _options;
    private readonly Dictionary<string, float[]> _added = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);
    private Dictionary<string, Segment> _segments;
    private volatile VectorIndex _snapshot;
    private bool _disposed;

    private VectorIndexWriter(string directory, WriteLock writeLock, EmbeddingModel model, VectorIndexOptions options, VectorIndex snapshot, Dictionary<string, Segment> segments)
    {
        _directory = directory;
        _lock = writeLock;
        Model = model;
        _options = options;
        _snapshot = snapshot;
        _segments = segments;
    }

    public EmbeddingModel Model { get; }

    /// <summary>The last commit, as an immutable index; cheap to read, and unchanged by uncommitted adds and deletes.</summary>
    public VectorIndex Snapshot => _snapshot;

    /// <summary>The data recorded with the last commit (kept from commit to commit until a commit passes new data).</summary>
    public IReadOnlyDictionary<string, string> CommitData => _snapshot.CommitData;

    /// <summary>Vectors added or deleted since the last commit.</summary>
    public int PendingChanges => _added.Count + _deleted.Count;

    /// <summary>
    /// Opens <paramref name="directory"/> (creating it) for writing vectors of <paramref name="model"/>.
    /// Throws <see cref="VectorIndexLockedException"/> if another writer has it, and
    /// <see cref="VectorModelMismatchException"/> if it holds another model's vectors.
    /// </summary>
    public static VectorIndexWriter Open(string directory, EmbeddingModel model, VectorIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(model.Dimensions, 1);
        options ??= VectorIndexOptions.Default;
        options.Validate();
        Directory.CreateDirectory(directory);
        var writeLock = WriteLock.Acquire(directory);
        try
        {
            var commit = MetaFile.Read(directory);
            if (commit.Model is { } stored && (stored.Id != model.Id || stored.Dimensions != model.Dimensions))
            {
                throw new VectorModelMismatchException(directory, stored, model);
            }
            var segments = IndexLoader.LoadSegments(directory, commit, loaded: null);
            var writer = new VectorIndexWriter(directory, writeLock, model, options, new VectorIndex(commit, segments, options), segments);
            writer.DeleteUnreferencedFiles();
            return writer;
        }
        catch
        {
            writeLock.Dispose();
            throw;
        }
    }

    /// <summary>Adds the vector of <paramref name="key"/>, replacing any vector the key had, from the next commit on.</summary>
    public void Add(string key, ReadOnlySpan<float> vector)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (vector.Length != Model.Dimensions)
        {
            throw new ArgumentException($"vector index: {key} has {vector.Length} dimensions, the model {Model.Id} has {Model.Dimensions}", nameof(vector));
        }
        foreach (var x in vector)
        {
            if (!float.IsFinite(x))
            {
                throw new ArgumentException($"vector index: {key} has a component that is not a finite number", nameof(vector));
            }
        }
        _added[key] = vector.ToArray();
        _deleted.Remove(key);
    }

    /// <summary>Deletes <paramref name="key"/> from the next commit on; false if it was neither committed nor added.</summary>
    public bool Delete(string key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var wasAdded = _added.Remove(key);
        var newlyDeleted = _snapshot.Contains(key) && _deleted.Add(key);
        return wasAdded || newlyDeleted;
    }

    /// <summary>
    /// Makes every add and delete since the last commit durable and visible, at once. With
    /// <paramref name="commitData"/> null the last commit's data is kept.
    /// </summary>
    public void Commit(IReadOnlyDictionary<string, string>? commitData = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var previous = _snapshot.Commit;
        var nextNumber = previous.NextSegmentNumber;
        var segments = new Dictionary<string, Segment>(_segments, StringComparer.Ordinal);
        var committed = MaskReplacedAndDeleted(previous).ToList();
        if (_added.Count > 0)
        {
            var segment = WriteSegment(MetaFile.SegmentName(nextNumber++), [.. _added.Keys], Concatenate(_added.Values));
            segments[segment.Name] = segment;
            committed.Add(new CommittedSegment(segment.Name, segment.Count, DeletionBits.None(segment.Count)));
        }
        committed.RemoveAll(s => s.Count == s.Deleted.Count);
        var toMerge = MergePolicy.Choose(committed, _options.MaxSegments);
        if (toMerge.Count > 0)
        {
            var merged = Merge(MetaFile.SegmentName(nextNumber++), toMerge, segments);
            segments[merged.Name] = merged;
            var at = committed.IndexOf(toMerge[0]);
            committed.RemoveAll(toMerge.Contains);
            committed.Insert(Math.Min(at, committed.Count), new CommittedSegment(merged.Name, merged.Count, DeletionBits.None(merged.Count)));
        }
        var commit = new CommitPoint(
            previous.Generation + 1,
            Model,
            nextNumber,
            committed,
            commitData is null ? previous.CommitData : new Dictionary<string, string>(commitData, StringComparer.Ordinal));
        MetaFile.Write(_directory, commit);

        _segments = committed.ToDictionary(s => s.Name, s => segments[s.Name], StringComparer.Ordinal);
        _snapshot = new VectorIndex(commit, _segments, _options);
        _added.Clear();
        _deleted.Clear();
        DeleteUnreferencedFiles();
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _lock.Dispose();
        }
    }

    /// <summary>The previous commit's segments with every key this commit adds or deletes marked deleted.</summary>
    private IEnumerable<CommittedSegment> MaskReplacedAndDeleted(CommitPoint previous)
    {
        var views = _snapshot.Segments;
        for (var i = 0; i < views.Count; i++)
        {
            var view = views[i];
            var masked = new List<int>();
            foreach (var key in _added.Keys.Concat(_deleted))
            {
                if (view.TryGetLive(key, out var ordinal))
                {
                    masked.Add(ordinal);
                }
            }
            var segment = previous.Segments[i];
            yield return masked.Count == 0 ? segment : segment with { Deleted = segment.Deleted.With(masked) };
        }
    }

    private Segment Merge(string name, IReadOnlyList<CommittedSegment> toMerge, Dictionary<string, Segment> segments)
    {
        var keys = new List<string>();
        var vectors = new List<float[]>();
        foreach (var committed in toMerge)
        {
            var segment = segments[committed.Name];
            for (var ordinal = 0; ordinal < segment.Count; ordinal++)
            {
                if (!committed.Deleted.IsDeleted(ordinal))
                {
                    keys.Add(segment.Keys[ordinal]);
                    vectors.Add(segment.Vector(ordinal).ToArray());
                }
            }
        }
        return WriteSegment(name, keys, Concatenate(vectors));
    }

    private Segment WriteSegment(string name, IReadOnlyList<string> keys, float[] vectors)
    {
        var segment = SegmentBuilder.Build(name, Model.Dimensions, keys, vectors, _options);
        SegmentFile.Write(_directory, segment);
        return segment;
    }

    private float[] Concatenate(IReadOnlyCollection<float[]> vectors)
    {
        var all = new float[vectors.Count * Model.Dimensions];
        var offset = 0;
        foreach (var vector in vectors)
        {
            vector.CopyTo(all, offset);
            offset += vector.Length;
        }
        return all;
    }

    /// <summary>
    /// Deletes segment and temporary files the last commit does not name: leftovers of a crash, a
    /// failed commit, or segments merged away. Snapshots that still search those segments hold them
    /// in memory, so deleting is safe at once. A file that cannot be deleted now is left for the
    /// next writer, since the commit itself has already succeeded.
    /// </summary>
    private void DeleteUnreferencedFiles()
    {
        var named = _snapshot.Commit.Segments.Select(s => SegmentFile.PathOf(_directory, s.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(_directory))
        {
            var leftover = path.EndsWith(DurableFiles.TemporarySuffix, StringComparison.Ordinal)
                || (path.EndsWith(SegmentFile.Extension, StringComparison.Ordinal) && !named.Contains(path));
            if (leftover)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Left for the next writer: see the summary.
                }
            }
        }
    }
}

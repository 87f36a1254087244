using Paperboy.Search.Indexing;
using Paperboy.Search.Storage;

namespace Paperboy.Search;

/// <summary>
/// Keeps a persistent index in a directory up to date: documents are added (a key seen before
/// replaces its document) and deleted, and <see cref="Commit"/> makes everything since the last
/// commit durable and visible at once. New documents go into new immutable segments; replaced ones
/// are marked deleted where they are; merges keep the segment count small, in the background.
/// A crash at any moment leaves the last commit: segment and deletions files are flushed to disk
/// before the meta file that names them is atomically replaced, and files no commit names are
/// deleted when a writer next opens the directory. One writer per directory (a lock file);
/// searches use <see cref="Snapshot"/>, which a commit replaces and never changes.
/// </summary>
public sealed class SearchIndexWriter : IDisposable
{
    private readonly object _gate = new();
    private readonly string _directory;
    private readonly SearchSettings _settings;
    private readonly IndexWriterOptions _options;
    private readonly MergePolicy _mergePolicy;
    private readonly WriteLock _lock;
    private readonly List<WriterSegment> _segments = [];
    private readonly Dictionary<string, (WriterSegment Segment, int Doc)> _keys = new(StringComparer.Ordinal);
    // Documents added since the last flush, analyzed as they came. A document deleted or added again
    // before the flush stays in the new segment, deleted there, so the rest keep the order they were added in.
    private readonly ByteBlockPool _blocks = new();
    private SegmentBuilder _buffer;
    private readonly Dictionary<string, int> _bufferSlots = new(StringComparer.Ordinal);
    private readonly List<int> _bufferDeleted = [];
    private readonly HashSet<string> _pendingDeletes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mergeOutputs = [];
    private CommitPoint _commit;
    private long _nextSegment;
    private bool _uncommitted;
    private bool _disposed;
    private Task _merging = Task.CompletedTask;
    // Cancelled by Dispose: a merge in progress is given up rather than waited for (see Dispose).
    private readonly CancellationTokenSource _closing = new();
    private volatile SearchIndex _snapshot;

    private SearchIndexWriter(string directory, SearchSettings settings, IndexWriterOptions options, WriteLock writeLock, bool discardDamaged)
    {
        _directory = directory;
        _buffer = new SegmentBuilder(_blocks);
        _settings = settings;
        _options = options;
        _mergePolicy = new MergePolicy(options.MergeFactor, options.SmallestLevelDocs);
        _lock = writeLock;
        List<(Segment Segment, LiveDocs? Live, string Name)> segments;
        try
        {
            _commit = MetaFile.Read(directory);
            segments = CommitReader.Open(directory, _commit);
        }
        catch (CorruptIndexException) when (discardDamaged)
        {
            // Derived data: the caller rebuilds it from the store of record.
            _commit = CommitPoint.Empty;
            segments = [];
            DamagedIndexDiscarded = true;
        }
        _nextSegment = _commit.NextSegmentNumber;
        for (var i = 0; i < segments.Count; i++)
        {
            var (segment, live, name) = segments[i];
            var tracked = new WriterSegment(name, segment, live ?? new LiveDocs(segment.DocCount), _commit.Segments[i].DeletionsGeneration);
            _segments.Add(tracked);
            for (var doc = 0; doc < segment.DocCount; doc++)
            {
                if (tracked.Live.IsLive(doc))
                {
                    _keys[segment.Key(doc)] = (tracked, doc);
                }
            }
        }
        DeleteUnreferencedFiles();
        _snapshot = CreateSnapshot();
    }

    /// <summary>The last committed state, for searching.</summary>
    public SearchIndex Snapshot => _snapshot;

    /// <summary>The data the last commit recorded (for Paperboy: the store generation the index reflects).</summary>
    public IReadOnlyDictionary<string, string> CommitData => _commit.UserData;

    /// <summary>Counts commits; 0 for a directory never committed to.</summary>
    public long Generation => _commit.Generation;

    /// <summary>True when the directory held an unreadable index that was set aside for a rebuild.</summary>
    public bool DamagedIndexDiscarded { get; }

    /// <summary>The first error of a background merge, if any; merging stops after one.</summary>
    public Exception? MergeError { get; private set; }

    /// <summary>
    /// Opens (creating if needed) the index in <paramref name="directory"/> for writing. Throws
    /// <see cref="IndexLockedException"/> when another writer holds it, and
    /// <see cref="CorruptIndexException"/> when the last commit cannot be read, unless
    /// <paramref name="discardDamaged"/> asks to start empty instead (to rebuild it).
    /// </summary>
    public static SearchIndexWriter Open(string directory, SearchSettings? settings = null, IndexWriterOptions? options = null, bool discardDamaged = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        settings ??= SearchSettings.Default;
        settings.Validate();
        options ??= IndexWriterOptions.Default;
        options.Validate();
        directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(directory);
        var writeLock = WriteLock.TryAcquire(directory) ?? throw new IndexLockedException(directory);
        try
        {
            var writer = new SearchIndexWriter(directory, settings, options, writeLock, discardDamaged);
            // Merges a writer gave up when it closed (or the policy wants now) go on in this one.
            writer.StartMergeIfDue();
            return writer;
        }
        catch
        {
            writeLock.Dispose();
            throw;
        }
    }

    /// <summary>Adds a document, replacing any earlier one with its key (visible after the next commit).</summary>
    public void Add(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Key);
        lock (_gate)
        {
            ThrowIfDisposed();
            _uncommitted = true;
            _pendingDeletes.Add(document.Key);
            if (_bufferSlots.TryGetValue(document.Key, out var slot))
            {
                _bufferDeleted.Add(slot); // a document added again moves to the end, as one in a segment does
            }
            _bufferSlots[document.Key] = _buffer.Count;
            _buffer.Add(document);
            if (_buffer.Count < _options.MaxBufferedDocs)
            {
                return;
            }
            Flush();
        }
        // A long build (an import commits once, at its end) merges its segments as it goes, not all after it.
        StartMergeIfDue();
    }

    /// <summary>Deletes the document with this key, if there is one (after the next commit).</summary>
    public void Delete(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            ThrowIfDisposed();
            _uncommitted = true;
            _pendingDeletes.Add(key);
            if (_bufferSlots.Remove(key, out var slot))
            {
                _bufferDeleted.Add(slot);
            }
        }
    }

    /// <summary>Deletes every document; with adds after it and one commit, the index is replaced at once (a rebuild).</summary>
    public void DeleteAll()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            _uncommitted = true;
            _segments.Clear();
            _keys.Clear();
            _buffer = new SegmentBuilder(_blocks);
            _bufferSlots.Clear();
            _bufferDeleted.Clear();
            _pendingDeletes.Clear();
        }
    }

    /// <summary>
    /// Makes every change since the last commit durable and visible in one step, recording
    /// <paramref name="userData"/> (or keeping the last commit's). Returns the new snapshot.
    /// </summary>
    public SearchIndex Commit(IReadOnlyDictionary<string, string>? userData = null)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            Flush();
            CommitLocked(userData ?? _commit.UserData);
            // An import commits once at its end, so its segments share blocks; between commits of a long-lived writer, none are kept.
            _blocks.Clear();
        }
        StartMergeIfDue();
        if (SegmentCountLocked() > StallSegments)
        {
            // Commits outrunning the background merges: merge here, so the segment count (and the
            // work of every search and commit) stays bounded however fast the caller commits.
            MergeNow();
        }
        return _snapshot;
    }

    // Past this many segments a commit waits for merges (Lucene stalls writers the same way).
    private int StallSegments => 4 * _options.MergeFactor;

    private int SegmentCountLocked()
    {
        lock (_gate)
        {
            return _segments.Count;
        }
    }

    /// <summary>Runs every merge the policy wants now, on this thread, committing each (for tests and rebuilds).</summary>
    public void MergeNow()
    {
        WaitForMerges();
        while (TryTakeMerge() is { } merge)
        {
            RunMerge(merge);
        }
    }

    /// <summary>Waits until no background merge runs.</summary>
    public void WaitForMerges()
    {
        while (true)
        {
            Task running;
            lock (_gate)
            {
                running = _merging;
            }
            if (running.IsCompleted)
            {
                return;
            }
            running.Wait();
        }
    }

    /// <summary>
    /// Closes the writer. Uncommitted changes are lost. A background merge in progress is stopped, not
    /// waited for: the last commit is whole without it, and at the end of a large import the last merge
    /// could take a tenth of the import again. The next writer to open the directory starts it over.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _closing.Cancel();
        try
        {
            _merging.Wait();
        }
        catch (AggregateException)
        {
            // Recorded in MergeError already.
        }
        _lock.Dispose();
        _closing.Dispose();
    }

    // Resolves pending deletions against the segments, then writes the buffer as a new segment.
    private void Flush()
    {
        ApplyDeletes();
        var buffer = _buffer;
        var live = new LiveDocs(buffer.Count).WithDeleted(_bufferDeleted);
        _buffer = new SegmentBuilder(_blocks);
        _bufferSlots.Clear();
        _bufferDeleted.Clear();
        if (live.LiveCount == 0)
        {
            buffer.ReturnBlocks();
            return;
        }
        var name = NextSegmentName();
        var segment = SegmentFiles.WriteAndOpen(buffer.Build(), _directory, name);
        buffer.ReturnBlocks(); // the stored records built in memory: searches read them from the file
        var tracked = new WriterSegment(name, segment, live, 0) { DeletionsChanged = live.HasDeletions };
        _segments.Add(tracked);
        for (var doc = 0; doc < segment.DocCount; doc++)
        {
            if (live.IsLive(doc))
            {
                _keys[segment.Key(doc)] = (tracked, doc);
            }
        }
    }

    private void ApplyDeletes()
    {
        var bySegment = new Dictionary<WriterSegment, List<int>>();
        foreach (var key in _pendingDeletes)
        {
            if (_keys.Remove(key, out var at))
            {
                if (!bySegment.TryGetValue(at.Segment, out var docs))
                {
                    bySegment[at.Segment] = docs = [];
                }
                docs.Add(at.Doc);
            }
        }
        foreach (var (segment, docs) in bySegment)
        {
            segment.Live = segment.Live.WithDeleted(docs);
            segment.DeletionsChanged = true;
        }
        _pendingDeletes.Clear();
    }

    private void CommitLocked(IReadOnlyDictionary<string, string> userData)
    {
        var generation = _commit.Generation + 1;
        _segments.RemoveAll(s => s.Live.LiveCount == 0 && !s.Merging);
        foreach (var segment in _segments.Where(s => s.DeletionsChanged))
        {
            DeletionsFiles.Write(_directory, segment.Name, generation, segment.Live);
            segment.DeletionsGeneration = generation;
            segment.DeletionsChanged = false;
        }
        var commit = new CommitPoint(
            generation,
            _nextSegment,
            [.. _segments.Select(s => new CommittedSegment(s.Name, s.Segment.DocCount, s.DeletionsGeneration))],
            new Dictionary<string, string>(userData, StringComparer.Ordinal));
        MetaFile.Write(_directory, commit);
        _commit = commit;
        _uncommitted = false;
        DeleteUnreferencedFiles();
        _snapshot = CreateSnapshot();
    }

    private SearchIndex CreateSnapshot() => new(
        SegmentSet.Of(_segments.Select(s => (s.Segment, (LiveDocs?)s.Live, s.Name))), _settings, _commit.UserData);

    private void StartMergeIfDue()
    {
        if (!_options.BackgroundMerges)
        {
            return;
        }
        lock (_gate)
        {
            if (_disposed || MergeError is not null || !_merging.IsCompleted)
            {
                return;
            }
            if (TryTakeMerge() is { } merge)
            {
                // One merge can make the next due (eight merged segments complete a level): run them all.
                _merging = Task.Run(() =>
                {
                    for (PendingMerge? next = merge; next is not null; next = TryTakeMerge())
                    {
                        RunMerge(next);
                    }
                });
            }
        }
    }

    private PendingMerge? TryTakeMerge()
    {
        lock (_gate)
        {
            if (_disposed || MergeError is not null || _mergePolicy.Select(_segments) is not { } run)
            {
                return null;
            }
            var sources = _segments.GetRange(run.Start, run.Count);
            foreach (var source in sources)
            {
                source.Merging = true;
            }
            var name = NextSegmentName();
            _mergeOutputs.Add(name);
            return new PendingMerge(sources, [.. sources.Select(s => s.Live)], name);
        }
    }

    private void RunMerge(PendingMerge merge)
    {
        try
        {
            var merged = SegmentMerger.Merge([.. merge.Sources.Select((s, i) => (s.Segment, (LiveDocs?)merge.Live[i]))], _closing.Token);
            var segment = SegmentFiles.WriteAndOpen(merged, _directory, merge.Name, _closing.Token);
            lock (_gate)
            {
                Install(merge, segment);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // Given up as the writer closed: what it wrote is unreferenced, and goes at the next open.
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                MergeError ??= e;
            }
        }
        finally
        {
            lock (_gate)
            {
                foreach (var source in merge.Sources)
                {
                    source.Merging = false;
                }
                _mergeOutputs.Remove(merge.Name);
            }
        }
    }

    // Puts the merged segment where its sources were, carrying over deletions made while it was
    // built, and commits it unless other changes are waiting for the caller's commit.
    private void Install(PendingMerge merge, Segment segment)
    {
        var start = _segments.IndexOf(merge.Sources[0]);
        if (_disposed || start < 0 || start + merge.Sources.Count > _segments.Count
            || !merge.Sources.Select((s, i) => ReferenceEquals(_segments[start + i], s)).All(same => same))
        {
            return; // the sources are gone (DeleteAll, or the writer closed): the merge is moot
        }
        var tracked = new WriterSegment(merge.Name, segment, new LiveDocs(segment.DocCount), 0);
        var deletedSince = new List<int>();
        var doc = 0;
        for (var s = 0; s < merge.Sources.Count; s++)
        {
            var source = merge.Sources[s];
            for (var old = 0; old < source.Segment.DocCount; old++)
            {
                if (!merge.Live[s].IsLive(old))
                {
                    continue;
                }
                if (!source.Live.IsLive(old))
                {
                    deletedSince.Add(doc);
                }
                else if (_keys.TryGetValue(source.Segment.Key(old), out var at) && at.Segment == source && at.Doc == old)
                {
                    _keys[source.Segment.Key(old)] = (tracked, doc);
                }
                doc++;
            }
        }
        if (deletedSince.Count > 0)
        {
            tracked.Live = tracked.Live.WithDeleted(deletedSince);
            tracked.DeletionsChanged = true;
        }
        _segments.RemoveRange(start, merge.Sources.Count);
        _segments.Insert(start, tracked);
        if (!_uncommitted)
        {
            CommitLocked(_commit.UserData);
        }
    }

    private void DeleteUnreferencedFiles()
    {
        var keep = new HashSet<string>(_commit.Files(), StringComparer.Ordinal) { MetaFile.FileName, WriteLock.FileName };
        foreach (var segment in _segments)
        {
            keep.UnionWith(SegmentFiles.FileNamesOf(segment.Name));
        }
        foreach (var name in _mergeOutputs)
        {
            keep.UnionWith(SegmentFiles.FileNamesOf(name));
        }
        foreach (var path in Directory.EnumerateFiles(_directory))
        {
            var name = Path.GetFileName(path);
            var ours = SegmentFiles.IsSegmentFile(name)
                || name.EndsWith(".del", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal);
            if (ours && !keep.Contains(name))
            {
                // Readers that opened these keep reading them: an open file outlives its name on POSIX.
                File.Delete(path);
            }
        }
    }

    private string NextSegmentName() => "s" + Convert.ToString(_nextSegment++, 16);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private sealed record PendingMerge(List<WriterSegment> Sources, LiveDocs[] Live, string Name);
}

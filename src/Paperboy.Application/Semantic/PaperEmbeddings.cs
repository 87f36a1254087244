using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Semantic.Embedding;
using Paperboy.Semantic.Vectors;

namespace Paperboy.Application.Semantic;

/// <summary>
/// The papers' vectors: one vector index per model under <c>vectors/</c> in the data directory,
/// derived from the store like the keyword index. A run embeds what the index lacks in batches and
/// commits a checkpoint every few thousand papers or seconds, with the store generation it started
/// from, so an interrupted run resumes where it stopped and a finished one records the generation it reflects; later runs embed only the papers
/// changed since. When the model changes, its vectors start afresh in their own directory and the
/// old model's are deleted once the new one has caught up.
/// </summary>
public sealed partial class PaperEmbeddings(IPaperStore store, PaperboyOptions options, ILogger<PaperEmbeddings> logger) : IDisposable
{
    public const string StoreGenerationKey = "store_generation";

    // A checkpoint is committed after CommitEvery papers or this long, whichever comes first: few,
    // large segments for fast embedders, and little lost work for slow ones.
    private static readonly TimeSpan CommitEveryInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _run = new(1, 1);
    private readonly object _gate = new();
    private VectorIndexWriter? _writer;
    private (string Directory, DateTime CommittedAt, VectorIndex Index)? _readOnly;
    private EmbeddingProgress _progress = EmbeddingProgress.Idle;

    public string Root => Path.Combine(options.DataDirectory, "vectors");

    /// <summary>Where one model's vectors live: named by a hash of its id, which may hold any characters.</summary>
    public string DirectoryFor(EmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model.Id)))[..16];
        return Path.Combine(Root, hash);
    }

    /// <summary>What the last or current run is doing, for the status page and the progress bar.</summary>
    public EmbeddingProgress Progress
    {
        get { lock (_gate) { return _progress; } }
    }

    /// <summary>The text a paper is embedded from: its title, then its cleaned abstract.</summary>
    public static string TextOf(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return paper.Abstract.Length == 0 ? paper.Title : $"{paper.Title}. {paper.Abstract}";
    }

    /// <summary>
    /// Embeds every paper the model's index lacks or holds an older version of, removes the papers
    /// the store removed, and returns what it did. One run at a time per process; a second process
    /// finds the index locked (<see cref="VectorIndexLockedException"/>).
    /// </summary>
    public async Task<EmbeddingRunReport> RunAsync(IEmbedder embedder, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        await _run.WaitAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var writer = WriterFor(embedder.Model);
            long generation = await store.GetGenerationAsync(cancellationToken);
            long? indexed = GenerationOf(writer.CommitData);
            if (indexed == generation)
            {
                Report(new EmbeddingProgress(embedder.Model.Id, false, writer.Snapshot.Count, writer.Snapshot.Count, null), progress);
                return new EmbeddingRunReport(embedder.Model, 0, 0, writer.Snapshot.Count, TimeSpan.Zero);
            }
            // Never finished (or another store's): every paper the index lacks. Else: what changed since.
            bool full = indexed is null || indexed > generation;
            var papers = full ? store.ScanAsync(cancellationToken) : store.ScanChangedSinceAsync(indexed!.Value, cancellationToken);
            long total = full ? await store.CountAsync(cancellationToken) : writer.Snapshot.Count;
            var checkpoint = CommitData(full ? null : indexed);
            int embedded = 0;
            int done = full ? writer.Snapshot.Count : 0;
            var batch = new List<Paper>(options.Semantic.BatchSize);
            var sinceCommit = System.Diagnostics.Stopwatch.StartNew();
            Report(new EmbeddingProgress(embedder.Model.Id, true, done, total, null), progress);
            await foreach (var paper in papers.WithCancellation(cancellationToken))
            {
                if (full && writer.Snapshot.Contains(paper.Id))
                {
                    continue;
                }
                batch.Add(paper);
                if (batch.Count == options.Semantic.BatchSize)
                {
                    embedded += Embed(embedder, writer, batch, cancellationToken);
                    done += batch.Count;
                    batch.Clear();
                    if (writer.PendingChanges >= options.Semantic.CommitEvery || sinceCommit.Elapsed >= CommitEveryInterval)
                    {
                        writer.Commit(checkpoint);
                        sinceCommit.Restart();
                    }
                    Report(new EmbeddingProgress(embedder.Model.Id, true, done, Math.Max(total, done), null), progress);
                }
            }
            if (batch.Count > 0)
            {
                embedded += Embed(embedder, writer, batch, cancellationToken);
                done += batch.Count;
            }
            int removed = 0;
            if (!full)
            {
                foreach (var id in await store.ListRemovedSinceAsync(indexed!.Value, cancellationToken))
                {
                    removed += writer.Delete(id) ? 1 : 0;
                }
            }
            writer.Commit(CommitData(generation));
            DeleteOtherModels(embedder.Model);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            Report(new EmbeddingProgress(embedder.Model.Id, false, writer.Snapshot.Count, writer.Snapshot.Count, null), progress);
            LogRun(logger, embedded, removed, writer.Snapshot.Count, embedder.Model.Id, elapsed.TotalSeconds);
            return new EmbeddingRunReport(embedder.Model, embedded, removed, writer.Snapshot.Count, elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            lock (_gate)
            {
                _progress = _progress with { Running = false, Error = e.Message };
            }
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _progress = _progress with { Running = false };
            }
            _run.Release();
        }
    }

    /// <summary>
    /// The model's vectors as last committed: this process's own when it writes them, else what
    /// another process committed (reopened when it commits again); null when there are none.
    /// </summary>
    public VectorIndex? Snapshot(EmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string directory = DirectoryFor(model);
        lock (_gate)
        {
            if (_writer is not null && _writer.Snapshot.Model?.Id == model.Id)
            {
                return _writer.Snapshot;
            }
            if (!Directory.Exists(directory))
            {
                return null;
            }
            var committedAt = Directory.GetLastWriteTimeUtc(directory);
            if (_readOnly is { } open && open.Directory == directory && open.CommittedAt == committedAt)
            {
                return open.Index;
            }
            var index = VectorIndex.Open(directory);
            _readOnly = (directory, committedAt, index);
            return index;
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _readOnly?.Index.Dispose();
        _run.Dispose();
    }

    private static int Embed(IEmbedder embedder, VectorIndexWriter writer, List<Paper> batch, CancellationToken cancellationToken)
    {
        var vectors = embedder.Embed(batch.Select(TextOf).ToList(), cancellationToken);
        for (int i = 0; i < batch.Count; i++)
        {
            writer.Add(batch[i].Id, vectors[i]);
        }
        return batch.Count;
    }

    private VectorIndexWriter WriterFor(EmbeddingModel model)
    {
        lock (_gate)
        {
            if (_writer is not null && _writer.Snapshot.Model?.Id == model.Id)
            {
                return _writer;
            }
            _writer?.Dispose();
            _writer = null;
            _writer = VectorIndexWriter.Open(DirectoryFor(model), model);
            return _writer;
        }
    }

    private void DeleteOtherModels(EmbeddingModel model)
    {
        string keep = DirectoryFor(model);
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            if (!string.Equals(directory, keep, StringComparison.Ordinal))
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                    LogDeleted(logger, directory);
                }
                catch (IOException e)
                {
                    // Another process may still read it; the next finished run tries again.
                    LogNotDeleted(logger, directory, e.Message);
                }
            }
        }
    }

    private void Report(EmbeddingProgress value, IProgress<EmbeddingProgress>? progress)
    {
        lock (_gate)
        {
            _progress = value;
        }
        progress?.Report(value);
    }

    private static Dictionary<string, string> CommitData(long? generation) => generation is { } g
        ? new() { [StoreGenerationKey] = g.ToString(CultureInfo.InvariantCulture) }
        : new();

    private static long? GenerationOf(IReadOnlyDictionary<string, string> data) =>
        data.TryGetValue(StoreGenerationKey, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) ? g : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "semantic: embedded {Embedded} papers and removed {Removed}; {Total} papers have vectors of {Model} ({Seconds:F1} s)")]
    private static partial void LogRun(ILogger logger, int embedded, int removed, int total, string model, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "semantic: deleted the vectors of a previous model in {Directory}")]
    private static partial void LogDeleted(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "semantic: could not delete the old vectors in {Directory} yet: {Reason}")]
    private static partial void LogNotDeleted(ILogger logger, string directory, string reason);
}

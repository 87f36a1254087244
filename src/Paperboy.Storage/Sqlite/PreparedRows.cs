using Paperboy.Core.Papers;

namespace Paperboy.Storage.Sqlite;

/// <summary>
/// The row values of a batch's papers as they came in, made on a worker thread while the write
/// transaction works through the batch. Storing is the import's longest thread: hashing a paper,
/// writing its lists as JSON and comparing its abstract with its source text took about a tenth of
/// it, and that can be done beside it. A paper stored as it came (the common case: a new paper) takes
/// its row from here; one merged with a stored paper is a different paper, and makes its own.
/// </summary>
internal sealed class PreparedRows
{
    private const int ChunkSize = 500;
    private readonly object?[]?[] _rows;
    private readonly TaskCompletionSource[] _chunks;

    private PreparedRows(int count)
    {
        _rows = new object?[]?[count];
        _chunks = new TaskCompletionSource[(count + ChunkSize - 1) / ChunkSize];
        for (var c = 0; c < _chunks.Length; c++)
        {
            _chunks[c] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Starts preparing the rows in batch order, a chunk at a time, on one worker thread.</summary>
    public static PreparedRows Start(IReadOnlyList<(Paper Paper, string? TitleKey)> papers, CancellationToken cancellationToken)
    {
        var prepared = new PreparedRows(papers.Count);
        _ = Task.Run(() => prepared.Prepare(papers, cancellationToken), CancellationToken.None);
        return prepared;
    }

    /// <summary>
    /// The values <see cref="PaperRows.Values"/> gives for paper <paramref name="index"/> of the batch,
    /// but for the three a writer sets as it writes (<see cref="SetWriteTimeValues"/>).
    /// </summary>
    public async ValueTask<object?[]> ForAsync(int index)
    {
        await _chunks[index / ChunkSize].Task;
        return _rows[index]!;
    }

    /// <summary>
    /// Fills in what depends on the writing, not the paper as it came: its first-seen date (the store's,
    /// kept across updates), the time and the batch's generation.
    /// </summary>
    public static void SetWriteTimeValues(Paper written, DateTimeOffset now, long generation, Span<object?> values)
    {
        values[PaperRows.FirstSeenColumn] = PaperRows.FirstSeen(written, now);
        values[PaperRows.ChangedAtColumn] = PaperRows.Timestamp(now);
        values[PaperRows.GenerationColumn] = generation;
    }

    private void Prepare(IReadOnlyList<(Paper Paper, string? TitleKey)> papers, CancellationToken cancellationToken)
    {
        var chunk = 0;
        try
        {
            for (; chunk < _chunks.Length; chunk++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = Math.Min(papers.Count, (chunk + 1) * ChunkSize);
                for (var i = chunk * ChunkSize; i < end; i++)
                {
                    var (paper, titleKey) = papers[i];
                    var values = new object?[PaperRows.ColumnCount];
                    PaperRows.Values(paper, titleKey, PaperFingerprint.Of(paper), default, 0, values);
                    _rows[i] = values;
                }
                _chunks[chunk].SetResult();
            }
        }
        catch (Exception e)
        {
            // The writer sees the failure when it reaches a paper not prepared.
            for (; chunk < _chunks.Length; chunk++)
            {
                if (e is OperationCanceledException canceled)
                {
                    _chunks[chunk].TrySetCanceled(canceled.CancellationToken);
                }
                else
                {
                    _chunks[chunk].TrySetException(e);
                }
            }
        }
    }
}

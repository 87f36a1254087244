using Paperboy.Application.Importing;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Ingest.Synthetic;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Application.Tests;

/// <summary>
/// The import reads on one thread and writes on another; these tests pin what that must not change:
/// every record stored, errors with their line numbers in file order, and whole batches kept when a
/// write fails or the import is cancelled half way.
/// </summary>
public sealed class ImportPipelineTests : IAsyncLifetime
{
    private const int Papers = 2_500;
    private const int Batch = 1_000;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"paperboy-pipeline-test-{Guid.NewGuid():N}");

    [Fact]
    public async Task Every_record_is_stored_and_bad_lines_are_reported_with_their_line_numbers_in_order()
    {
        var lines = SnapshotLines(Papers).ToList();
        lines.Insert(1, "not json"); // not first: the format is detected from the first line
        lines.Insert(1500, "{\"id\": \"\"}");
        lines.Add("{\"id\": \"2401.99999\", \"title\": \"\"}");
        string corpus = WriteCorpus(lines);
        await using var store = SqlitePaperStore.InDataDirectory(Path.Combine(_directory, "data"));

        var report = await new ImportService(store).ImportAsync([corpus], null, CancellationToken.None);

        Assert.Equal(Papers, report.Added);
        Assert.Equal(Papers, report.PapersInStore);
        Assert.Equal([2L, 1501L, Papers + 3L], report.Errors.Select(e => e.Line));
        Assert.StartsWith("invalid JSON", report.Errors.First().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_write_keeps_the_batches_committed_before_it_and_a_rerun_finds_them_unchanged()
    {
        string corpus = WriteCorpus(SnapshotLines(Papers));
        await using var store = SqlitePaperStore.InDataDirectory(Path.Combine(_directory, "data"));
        var failing = new InterruptingStore(store, afterBatches: 2, interrupt: () => throw new InvalidOperationException("disk full"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new ImportService(failing) { BatchSize = Batch }.ImportAsync([corpus], null, CancellationToken.None));
        long kept = await store.CountAsync(CancellationToken.None);
        var rerun = await new ImportService(store).ImportAsync([corpus], null, CancellationToken.None);

        Assert.Equal("disk full", error.Message);
        Assert.Equal(2_000, kept);
        Assert.Equal(2_000, rerun.Unchanged);
        Assert.Equal(Papers - 2_000, rerun.Added);
    }

    [Fact]
    public async Task A_cancelled_import_keeps_whole_batches_and_a_rerun_finds_them_unchanged()
    {
        string corpus = WriteCorpus(SnapshotLines(Papers));
        await using var store = SqlitePaperStore.InDataDirectory(Path.Combine(_directory, "data"));
        using var cancel = new CancellationTokenSource();
        var cancelling = new InterruptingStore(store, afterBatches: 1, interrupt: cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ImportService(cancelling) { BatchSize = Batch }.ImportAsync([corpus], null, cancel.Token));
        long kept = await store.CountAsync(CancellationToken.None);
        var rerun = await new ImportService(store).ImportAsync([corpus], null, CancellationToken.None);

        Assert.Equal(1_000, kept);
        Assert.Equal(1_000, rerun.Unchanged);
        Assert.Equal(Papers - 1_000, rerun.Added);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls a test class's DisposeAsync, and the directory was left behind.
    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
        return Task.CompletedTask;
    }

    private static IEnumerable<string> SnapshotLines(int papers)
    {
        using var text = new StringWriter();
        SyntheticCorpus.Write(text, papers, seed: 7);
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private string WriteCorpus(IEnumerable<string> lines)
    {
        Directory.CreateDirectory(_directory);
        string path = Path.Combine(_directory, "snapshot.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>A store that calls <c>interrupt</c> once it has committed some batches, as a crash or Ctrl+C would land.</summary>
    private sealed class InterruptingStore(IPaperStore inner, int afterBatches, Action interrupt) : IPaperStore
    {
        private int _batches;

        public async Task<UpsertSummary> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
        {
            if (_batches == afterBatches)
            {
                interrupt();
            }
            var summary = await inner.UpsertAsync(papers, cancellationToken);
            _batches++;
            return summary;
        }

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);
        public Task<Paper?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);
        public Task<IReadOnlyList<Paper>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) => inner.GetManyAsync(ids, cancellationToken);
        public Task<IReadOnlyList<Paper>> ListRecentAsync(int offset, int limit, CancellationToken cancellationToken) => inner.ListRecentAsync(offset, limit, cancellationToken);
        public Task<IReadOnlyList<PaperListEntry>> ListDayEntriesAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) => inner.ListDayEntriesAsync(first, last, cancellationToken);
        public Task<DateOnly?> LatestListDayAsync(DateOnly? before, CancellationToken cancellationToken) => inner.LatestListDayAsync(before, cancellationToken);
        public Task<DateOnly?> EarliestListDayAfterAsync(DateOnly after, CancellationToken cancellationToken) => inner.EarliestListDayAfterAsync(after, cancellationToken);
        public IAsyncEnumerable<Paper> ScanAsync(CancellationToken cancellationToken) => inner.ScanAsync(cancellationToken);
        public Task<long> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
        public Task<long> GetGenerationAsync(CancellationToken cancellationToken) => inner.GetGenerationAsync(cancellationToken);
        public IAsyncEnumerable<Paper> ScanChangedSinceAsync(long generation, CancellationToken cancellationToken) => inner.ScanChangedSinceAsync(generation, cancellationToken);
        public Task<IReadOnlyList<string>> ListRemovedSinceAsync(long generation, CancellationToken cancellationToken) => inner.ListRemovedSinceAsync(generation, cancellationToken);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

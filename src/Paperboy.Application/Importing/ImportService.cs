using System.Threading.Channels;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Ingest;

namespace Paperboy.Application.Importing;

/// <summary>
/// Imports files into the store: detects each file's format from its content, streams its records,
/// and upserts them in batches. A malformed record is reported with file and line and skipped;
/// every batch is committed as it fills, so an interrupted import keeps what it stored and a rerun
/// resumes by finding those papers unchanged.
/// </summary>
public sealed class ImportService(IPaperStore store)
{
    /// <summary>
    /// Papers a batch holds, and so a write transaction: each commit writes every page its rows touched,
    /// and an index page (above all of the randomly ordered title keys) takes rows from many batches, so
    /// fewer, larger commits write fewer pages. At 1M papers 10,000 stored them in 80 s where 1,000 took
    /// about 100 s. But every paper lives until its batch is stored and indexed, and with 10,000 a batch
    /// most of them outlived two collections. With 5,000 a 1M import (store and index) is no slower
    /// (48.4 s on average over seven runs against 49.2 s over six, alternated) and peaks at 2.0-2.4 GB
    /// of memory instead of 2.6-3.0 GB (docs/PERFORMANCE.md). An interrupted import loses at most the
    /// batch it was writing.
    /// </summary>
    public const int DefaultBatchSize = 5_000;

    private const int QueuedBatches = 1;

    /// <summary>Papers a batch holds; tests make it small to interrupt an import between batches.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>At most this many errors are kept in the report; the count goes on beyond it.</summary>
    public const int MaxReportedErrors = 1000;

    public async Task<ImportReport> ImportAsync(IReadOnlyList<string> paths, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        await store.InitializeAsync(cancellationToken);
        var files = new List<FileImportReport>();
        foreach (var path in ExpandPaths(paths))
        {
            files.Add(await ImportFileAsync(path, progress, cancellationToken));
        }
        return new ImportReport(files, await store.CountAsync(cancellationToken));
    }

    private async Task<FileImportReport> ImportFileAsync(string path, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return FileImportReport.Failed(path, ImportFormat.Unknown, "no such file or directory");
        }
        var format = FormatDetector.Detect(path);
        if (format == ImportFormat.Unknown)
        {
            return FileImportReport.Failed(path, format, "unrecognised format (expected a saved trending-papers page, Kaggle arXiv snapshot JSON lines, an arXiv API or OAI-PMH response, a Hugging Face daily-papers response or an arXiv listing feed; plain or gzip)");
        }

        await using var input = ImportFile.OpenRead(path);
        // Progress is measured on the file itself, under any decompression.
        var file = ImportFile.Underlying(input);
        // Read here, before the reading thread owns the stream.
        long length = file.Length;
        var tally = new ImportTally(path, format);

        // Reading and mapping run on one thread, SQLite writes on this one: the two halves cost about
        // the same, so overlapping them nearly halves an import on two cores. One queued batch keeps
        // both busy; a longer queue only keeps more papers alive across collections (docs/PERFORMANCE.md).
        var channel = Channel.CreateBounded<ReadBatch>(new BoundedChannelOptions(QueuedBatches) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadBatchesAsync(RecordReaders.For(format), input, file, path, BatchSize, channel.Writer, stopReading.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var error in batch.Rejected)
                {
                    tally.Reject(error);
                }
                // Every batch commits on its own, in file order: an interrupted import keeps whole batches.
                tally.Add(await store.UpsertAsync(batch.Papers, cancellationToken));
                if (!batch.Last)
                {
                    progress?.Report(new ImportProgress(path, batch.BytesRead, length, tally.Read));
                }
            }
        }
        finally
        {
            // If writing failed or was cancelled, the reader stops too; either way it is done with the file before it closes.
            await stopReading.CancelAsync();
            await reading;
        }
        progress?.Report(new ImportProgress(path, length, length, tally.Read));
        return tally.ToReport();
    }

    /// <summary>
    /// Reads the file into batches. Never throws: an error ends the channel with that error, which the
    /// writing side sees after the batches read before it.
    /// </summary>
    private static async Task ReadBatchesAsync(
        IRecordReader reader, Stream input, Stream file, string path, int batchSize, ChannelWriter<ReadBatch> output, CancellationToken cancellationToken)
    {
        var papers = new List<Paper>(batchSize);
        var rejected = new List<ImportError>();
        try
        {
            try
            {
                await foreach (var record in reader.ReadAsync(input, path, cancellationToken))
                {
                    if (record.Paper is not null)
                    {
                        papers.Add(record.Paper);
                    }
                    else if (record.Error is not null)
                    {
                        rejected.Add(record.Error);
                    }
                    if (papers.Count == batchSize)
                    {
                        await output.WriteAsync(new ReadBatch(papers, rejected, file.Position, Last: false), cancellationToken);
                        papers = new List<Paper>(batchSize);
                        rejected = [];
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or SourcePayloadException)
            {
                // A truncated gzip or a read error ends this file; what was read before it is stored.
                rejected.Add(new ImportError(path, 0, $"unable to read past byte {file.Position}: {e.Message}"));
            }
            await output.WriteAsync(new ReadBatch(papers, rejected, file.Length, Last: true), cancellationToken);
            output.Complete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
        }
    }

    /// <summary>A directory stands for the files inside it, in name order, so a folder of pages imports in one go.</summary>
    private static IEnumerable<string> ExpandPaths(IReadOnlyList<string> paths) =>
        paths.SelectMany(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[path]);
}

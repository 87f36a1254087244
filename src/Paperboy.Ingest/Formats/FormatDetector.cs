using System.Text;
using System.Text.Json;
using Paperboy.Ingest.SavedPages;

namespace Paperboy.Ingest;

/// <summary>
/// Tells import formats apart by sniffing the first 64 KiB of (decompressed) content, because users rename
/// files freely: a Kaggle snapshot is called ".json" although it is JSON Lines, saved pages are ".txt".
/// </summary>
public static class FormatDetector
{
    private const int HeadBytes = 64 * 1024;

    public static ImportFormat Detect(string path)
    {
        using var stream = ImportFile.OpenRead(path);
        var head = new byte[HeadBytes];
        var read = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        return DetectHead(head.AsSpan(0, read), complete: read < HeadBytes);
    }

    /// <param name="head">The first bytes of the content.</param>
    /// <param name="complete">True when <paramref name="head"/> is the whole content, so its last line is whole too.</param>
    internal static ImportFormat DetectHead(ReadOnlySpan<byte> head, bool complete)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        if (head.IsEmpty || head.Contains((byte)0))
        {
            return ImportFormat.Unknown; // empty or binary
        }

        var text = Encoding.UTF8.GetString(head);
        var lines = text.Split('\n');
        var wholeLines = complete ? lines : lines[..^1];
        var nonBlank = wholeLines.Select(l => l.Trim()).Where(l => l.Length > 0).Take(40).ToList();
        var first = nonBlank.Count > 0 ? nonBlank[0] : lines[0].TrimStart();

        if (first.StartsWith('<'))
        {
            return DetectXml(text);
        }

        if (first.StartsWith('['))
        {
            return LooksLikeHfDailyPapers(text) ? ImportFormat.HfDailyPapers : ImportFormat.Unknown;
        }

        if (first.StartsWith('{'))
        {
            return LooksLikeKaggleRecord(first, whole: nonBlank.Count > 0) ? ImportFormat.KaggleSnapshot : ImportFormat.Unknown;
        }

        return SavedPageParser.LooksLikeSavedPage(nonBlank) ? ImportFormat.SavedPage : ImportFormat.Unknown;
    }

    /// <summary>
    /// XML payloads are told apart by their root element and namespaces, read from the head as text
    /// (never parsed here, so a hostile document costs nothing to detect).
    /// </summary>
    private static ImportFormat DetectXml(string head)
    {
        if (head.Contains("<OAI-PMH", StringComparison.Ordinal))
        {
            return ImportFormat.OaiPmh;
        }
        bool announced = head.Contains("announce_type", StringComparison.Ordinal);
        if (head.Contains("<rdf:RDF", StringComparison.Ordinal) || head.Contains("<rss", StringComparison.Ordinal) ||
            (announced && head.Contains("<feed", StringComparison.Ordinal)))
        {
            return ImportFormat.ArxivRss;
        }
        if (head.Contains("<feed", StringComparison.Ordinal) &&
            (head.Contains("opensearch", StringComparison.OrdinalIgnoreCase) || head.Contains("arxiv.org/schemas/atom", StringComparison.Ordinal)))
        {
            return ImportFormat.ArxivApiFeed;
        }
        return ImportFormat.Unknown;
    }

    // The daily-papers API answers an array of objects, each with a "paper" object holding the arXiv id.
    private static bool LooksLikeHfDailyPapers(string head) =>
        head.Contains("\"paper\"", StringComparison.Ordinal) && head.Contains("\"id\"", StringComparison.Ordinal);

    // A snapshot line is an object with an "id" and paper fields; a cut-off first line is judged by its opening.
    private static bool LooksLikeKaggleRecord(string line, bool whole)
    {
        if (!whole)
        {
            return line.StartsWith("{\"id\":", StringComparison.Ordinal);
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out _)
                && (root.TryGetProperty("title", out _) || root.TryGetProperty("abstract", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

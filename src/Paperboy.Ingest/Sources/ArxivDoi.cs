namespace Paperboy.Ingest.Sources;

/// <summary>The <c>doi</c> field of arXiv metadata (API, OAI, snapshot).</summary>
internal static class ArxivDoi
{
    /// <summary>
    /// arXiv allows several DOIs separated by spaces (an article and its erratum, OAI record 0704.0471);
    /// the first is the article's.
    /// </summary>
    public static string? First(string? value) =>
        value?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}

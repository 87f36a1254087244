namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>Field helpers shared by the two OAI metadata formats.</summary>
internal static class OaiText
{
    /// <summary>The space-separated <c>categories</c> field, primary first as arXiv writes it.</summary>
    public static List<string> Categories(string? value)
    {
        var terms = (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return ArxivCategories.PrimaryFirst(terms.FirstOrDefault(), terms.Skip(1));
    }

    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
